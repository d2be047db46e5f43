#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>

// A growth standard's equation in gestational age (or size) x, as the publications write them:
// factor · Σ coefficient · x^power · (ln x)^logPower, then exp() of that where the equation is
// on the log scale. Read from a standard's JSON ({"terms": [[c, p, q], …], "factor", "exp"}).
class FractionalPolynomial
{
    Q_DECLARE_TR_FUNCTIONS(FractionalPolynomial)
public:
    struct Term
    {
        double coefficient = 0;
        double power = 0;
        int logPower = 0;
    };

    static Result<FractionalPolynomial> fromJson(const QJsonValue &value, const QString &where);
    double at(double x) const;

private:
    QList<Term> m_terms;
    double m_factor = 1;
    bool m_exponentiate = false;
};
