#include "fractionalpolynomial.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

Result<FractionalPolynomial> FractionalPolynomial::fromJson(const QJsonValue &value, const QString &where)
{
    const auto invalid = [&where] {
        return failure(QStringLiteral("growth.standard-invalid"),
            tr("%1: an equation needs \"terms\", each [coefficient, power, power of ln], all numbers.")
                .arg(where));
    };
    const QJsonObject o = value.toObject();
    const QJsonArray terms = o.value(QStringLiteral("terms")).toArray();
    if (terms.isEmpty())
        return invalid();
    FractionalPolynomial p;
    for (const QJsonValue &t : terms) {
        const QJsonArray a = t.toArray();
        if (a.size() != 3 || !a[0].isDouble() || !a[1].isDouble() || !a[2].isDouble()
            || a[2].toDouble() != a[2].toInt() || a[2].toInt() < 0)
            return invalid();
        p.m_terms.append({ a[0].toDouble(), a[1].toDouble(), a[2].toInt() });
    }
    const QJsonValue factor = o.value(QStringLiteral("factor"));
    if (!factor.isUndefined() && (!factor.isDouble() || factor.toDouble() == 0))
        return invalid();
    p.m_factor = factor.toDouble(1);
    p.m_exponentiate = o.value(QStringLiteral("exp")).toBool(false);
    return p;
}

double FractionalPolynomial::at(double x) const
{
    const double lnX = std::log(x);
    double sum = 0;
    for (const Term &t : m_terms)
        sum += t.coefficient * std::pow(x, t.power) * std::pow(lnX, t.logPower);
    sum *= m_factor;
    return m_exponentiate ? std::exp(sum) : sum;
}
