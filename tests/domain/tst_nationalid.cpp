// The 18-character resident identity number: ISO 7064 MOD 11-2 check character, birth date, sex.
#include "domain/nationalid.h"

#include <QTest>

class TestNationalId : public QObject
{
    Q_OBJECT

private slots:
    void validNumbersParse_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<bool>("female");
        QTest::newRow("check digit 6") << "110101199003070046" << QDate(1990, 3, 7) << true;
        QTest::newRow("check character X") << "11010119900307002X" << QDate(1990, 3, 7) << true;
        QTest::newRow("lower-case x") << "11010119900307002x" << QDate(1990, 3, 7) << true;
        QTest::newRow("male (odd sequence)") << "110105194912310011" << QDate(1949, 12, 31) << false;
        QTest::newRow("leap day") << QStringLiteral("32010220000229%1").arg(QStringLiteral("024")) + NationalId::checkCharacter(u"32010220000229024")
                                  << QDate(2000, 2, 29) << true;
    }
    void validNumbersParse()
    {
        QFETCH(QString, id);
        QFETCH(QDate, birth);
        QFETCH(bool, female);
        const auto info = NationalId::parse(id);
        QVERIFY2(info, info ? "" : qPrintable(info.error().message));
        QCOMPARE(info->birthDate, birth);
        QCOMPARE(info->female, female);
        QCOMPARE(info->normalised, id.toUpper());
    }

    void mistakesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("code");
        QTest::newRow("17 characters") << "11010119900307004" << "id.length";
        QTest::newRow("19 characters") << "1101011990030700461" << "id.length";
        QTest::newRow("letter inside") << "1101011990A307004X" << "id.characters";
        QTest::newRow("bad last character") << "11010119900307004Y" << "id.characters";
        QTest::newRow("30 February") << "110101199002300046" << "id.birthdate";
        QTest::newRow("one digit mistyped") << "110101199003070047" << "id.checksum";
        QTest::newRow("two digits swapped") << "110101199003700046" << "id.birthdate";
    }
    void mistakesAreRefusedWithAReason()
    {
        QFETCH(QString, id);
        QFETCH(QString, code);
        const auto info = NationalId::parse(id);
        QVERIFY(!info);
        QCOMPARE(info.error().code, code);
        QVERIFY(!info.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNationalId)
#include "tst_nationalid.moc"
