// Whether two registrations are one woman: each rule on both sides of it (same name and birth
// date but a different phone, …), names and phones as people write them, and two different
// ID numbers always two women.
#include "domain/identitymatch.h"

#include <QTest>

namespace {
Patient woman(const QString &name, const QDate &birth, const QString &phone, const QString &nationalId = {})
{
    Patient p;
    p.name = name;
    p.birthDate = birth;
    p.phone = phone;
    p.nationalId = nationalId;
    return p;
}

using R = IdentityMatch::Rule;
const QDate Birth(1992, 3, 4);
} // namespace

class TestIdentityMatch : public QObject
{
    Q_OBJECT

private slots:
    void eachRuleOnBothSides_data()
    {
        QTest::addColumn<Patient>("other");
        QTest::addColumn<QList<R>>("rules");
        const Patient her = woman(QStringLiteral("王丽"), Birth, QStringLiteral("13912345678"));
        Q_UNUSED(her)
        QTest::newRow("name and birth date, another phone")
            << woman(QStringLiteral("王丽"), Birth, QStringLiteral("13800000000")) << QList<R> { R::NameAndBirthDate };
        QTest::newRow("name and phone, another birth date")
            << woman(QStringLiteral("王丽"), Birth.addDays(1), QStringLiteral("13912345678")) << QList<R> { R::NameAndPhone };
        QTest::newRow("phone and birth date, another name")
            << woman(QStringLiteral("王莉"), Birth, QStringLiteral("13912345678")) << QList<R> { R::PhoneAndBirthDate };
        QTest::newRow("all three") << woman(QStringLiteral("王丽"), Birth, QStringLiteral("13912345678"))
                                   << QList<R> { R::NameAndBirthDate, R::NameAndPhone, R::PhoneAndBirthDate };
        QTest::newRow("name only") << woman(QStringLiteral("王丽"), Birth.addYears(1), QStringLiteral("13800000000")) << QList<R> {};
        QTest::newRow("birth date only") << woman(QStringLiteral("李娜"), Birth, QStringLiteral("13800000000")) << QList<R> {};
        QTest::newRow("phone only") << woman(QStringLiteral("李娜"), Birth.addYears(1), QStringLiteral("13912345678")) << QList<R> {};
        QTest::newRow("written otherwise: spaces, +86")
            << woman(QStringLiteral(" 王 丽 "), Birth, QStringLiteral("+86 139-1234-5678")) << QList<R> { R::NameAndBirthDate, R::NameAndPhone,
                   R::PhoneAndBirthDate };
    }

    void eachRuleOnBothSides()
    {
        QFETCH(Patient, other);
        QFETCH(QList<R>, rules);
        const Patient her = woman(QStringLiteral("王丽"), Birth, QStringLiteral("13912345678"));
        QCOMPARE(IdentityMatch::rulesMet(her, other), rules);
        QCOMPARE(IdentityMatch::rulesMet(other, her), rules);
    }

    void theIdNumberDecidesWhenBothHaveOne()
    {
        const Patient her = woman(QStringLiteral("王丽"), Birth, QStringLiteral("13912345678"), QStringLiteral("11010119920304004x"));
        const Patient sameId = woman(QStringLiteral("王小丽"), Birth.addDays(3), QString(), QStringLiteral("11010119920304004X"));
        QCOMPARE(IdentityMatch::rulesMet(her, sameId), QList<R> { R::NationalId });
        QVERIFY(IdentityMatch::isExact(IdentityMatch::rulesMet(her, sameId)));
        // Namesakes born the same day with the same phone (a mother's) but other ID numbers.
        const Patient otherId = woman(QStringLiteral("王丽"), Birth, QStringLiteral("13912345678"), QStringLiteral("110101199203040062"));
        QVERIFY(IdentityMatch::rulesMet(her, otherId).isEmpty());
        // One without an ID number: the other rules still apply.
        const Patient noId = woman(QStringLiteral("王丽"), Birth, QString());
        QCOMPARE(IdentityMatch::rulesMet(her, noId), QList<R> { R::NameAndBirthDate });
    }

    void namesAndPhonesAsPeopleWriteThem()
    {
        QCOMPARE(IdentityMatch::normalisedName(QStringLiteral("阿依古丽·买买提")), QStringLiteral("阿依古丽买买提"));
        QCOMPARE(IdentityMatch::normalisedName(QStringLiteral("Ｗａｎｇ Ｌｉ")), QStringLiteral("wangli"));
        QCOMPARE(IdentityMatch::normalisedPhone(QStringLiteral("0086 139 1234 5678")), QStringLiteral("13912345678"));
        QCOMPARE(IdentityMatch::normalisedPhone(QStringLiteral("１３９１２３４５６７８")), QStringLiteral("13912345678"));
        // Too short to go by: two women with "110" are not matched on it.
        QVERIFY(IdentityMatch::rulesMet(woman(QStringLiteral("甲"), Birth, QStringLiteral("110")),
                    woman(QStringLiteral("乙"), Birth, QStringLiteral("110")))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIdentityMatch)
#include "tst_identitymatch.moc"
