// The 18-character resident identity number of GB 11643-1999: ISO 7064 MOD 11-2 check character,
// birth date, and sex from the 17th digit. Valid numbers below were computed independently with
// the MOD 11-2 weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and check characters "10X98765432".
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
        QTest::newRow("check digit 6, woman")
            << QStringLiteral("110101199003070046") << QDate(1990, 3, 7) << true;
        QTest::newRow("check character X")
            << QStringLiteral("11010119900307002X") << QDate(1990, 3, 7) << true;
        QTest::newRow("lower-case x is accepted")
            << QStringLiteral("11010119900307002x") << QDate(1990, 3, 7) << true;
        QTest::newRow("another X, Guangzhou")
            << QStringLiteral("44010619921205004X") << QDate(1992, 12, 5) << true;
        QTest::newRow("man born on New Year's Eve")
            << QStringLiteral("110105194912310011") << QDate(1949, 12, 31) << false;
        QTest::newRow("woman born on the leap day 2000")
            << QStringLiteral("320102200002290240") << QDate(2000, 2, 29) << true;
        QTest::newRow("man born on the leap day 1996")
            << QStringLiteral("420111199602291233") << QDate(1996, 2, 29) << false;
        QTest::newRow("earliest accepted birth date 1900-01-01")
            << QStringLiteral("110101190001010014") << QDate(1900, 1, 1) << false;
        QTest::newRow("28 Feb 1900") << QStringLiteral("110101190002280040") << QDate(1900, 2, 28) << true;
        QTest::newRow("Chengdu, woman") << QStringLiteral("510107198506152324") << QDate(1985, 6, 15) << true;
        QTest::newRow("Chengdu, man") << QStringLiteral("510107198506152316") << QDate(1985, 6, 15) << false;
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

    void everyCheckCharacterIsComputed_data()
    {
        QTest::addColumn<QString>("first17");
        QTest::addColumn<QChar>("check");
        QTest::newRow("0") << QStringLiteral("11010119900307007") << QChar(u'0');
        QTest::newRow("1") << QStringLiteral("11010119900307001") << QChar(u'1');
        QTest::newRow("2") << QStringLiteral("11010119900307006") << QChar(u'2');
        QTest::newRow("3") << QStringLiteral("11010119900307000") << QChar(u'3');
        QTest::newRow("4") << QStringLiteral("11010119900307005") << QChar(u'4');
        QTest::newRow("5") << QStringLiteral("11010119900307018") << QChar(u'5');
        QTest::newRow("6") << QStringLiteral("11010119900307004") << QChar(u'6');
        QTest::newRow("7") << QStringLiteral("11010119900307009") << QChar(u'7');
        QTest::newRow("8") << QStringLiteral("11010119900307003") << QChar(u'8');
        QTest::newRow("9") << QStringLiteral("11010119900307008") << QChar(u'9');
        QTest::newRow("X") << QStringLiteral("11010119900307002") << QChar(u'X');
    }
    void everyCheckCharacterIsComputed()
    {
        QFETCH(QString, first17);
        QFETCH(QChar, check);
        QCOMPARE(NationalId::checkCharacter(first17), check);
        QVERIFY(NationalId::parse(first17 + check));
    }

    void seventeenthDigitGivesTheSexEvenForWomen_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("female");
        QTest::newRow("0 woman") << QStringLiteral("110101199003070003") << true;
        QTest::newRow("1 man") << QStringLiteral("110101199003070011") << false;
        QTest::newRow("2 woman") << QStringLiteral("11010119900307002X") << true;
        QTest::newRow("3 man") << QStringLiteral("110101199003070038") << false;
        QTest::newRow("4 woman") << QStringLiteral("110101199003070046") << true;
        QTest::newRow("5 man") << QStringLiteral("110101199003070054") << false;
        QTest::newRow("6 woman") << QStringLiteral("110101199003070062") << true;
        QTest::newRow("7 man") << QStringLiteral("110101199003070070") << false;
        QTest::newRow("8 woman") << QStringLiteral("110101199003070089") << true;
        QTest::newRow("9 man") << QStringLiteral("110101199003070097") << false;
    }
    void seventeenthDigitGivesTheSexEvenForWomen()
    {
        QFETCH(QString, id);
        QFETCH(bool, female);
        const auto info = NationalId::parse(id);
        QVERIFY(info);
        QCOMPARE(info->female, female);
    }

    void surroundingSpacesAreTrimmed()
    {
        const auto info = NationalId::parse(QStringLiteral("  11010119900307002x \t"));
        QVERIFY(info);
        QCOMPARE(info->normalised, QStringLiteral("11010119900307002X"));
    }

    void mistakesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << QStringLiteral("id.length");
        QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("id.length");
        QTest::newRow("15 digits (the old first-generation number)")
            << QStringLiteral("110101900307004") << QStringLiteral("id.length");
        QTest::newRow("17 characters") << QStringLiteral("11010119900307004") << QStringLiteral("id.length");
        QTest::newRow("19 characters")
            << QStringLiteral("1101011990030700461") << QStringLiteral("id.length");
        QTest::newRow("space inside") << QStringLiteral("110101 199003070046") << QStringLiteral("id.length");
        QTest::newRow("letter among the first 17")
            << QStringLiteral("1101011990A3070046") << QStringLiteral("id.characters");
        QTest::newRow("X among the first 17")
            << QStringLiteral("X10101199003070046") << QStringLiteral("id.characters");
        QTest::newRow("dash among the first 17")
            << QStringLiteral("110101-99003070046") << QStringLiteral("id.characters");
        QTest::newRow("full-width digit")
            << QStringLiteral("11010119900307004\uff16") << QStringLiteral("id.characters");
        QTest::newRow("full-width digit among the first 17")
            << QStringLiteral("\uff1110101199003070046") << QStringLiteral("id.characters");
        QTest::newRow("last character Y")
            << QStringLiteral("11010119900307004Y") << QStringLiteral("id.characters");
        QTest::newRow("30 February, correct check digit")
            << QStringLiteral("110101199002300049") << QStringLiteral("id.birthdate");
        QTest::newRow("29 February 2023, correct check digit")
            << QStringLiteral("110101202302290043") << QStringLiteral("id.birthdate");
        QTest::newRow("29 February 1900 (not a leap year), correct check X")
            << QStringLiteral("11010119000229002X") << QStringLiteral("id.birthdate");
        QTest::newRow("31 December 1899, correct check digit")
            << QStringLiteral("110101189912310028") << QStringLiteral("id.birthdate");
        QTest::newRow("month 13, correct check X")
            << QStringLiteral("11010119901307004X") << QStringLiteral("id.birthdate");
        QTest::newRow("day 00, correct check digit")
            << QStringLiteral("110101199003000048") << QStringLiteral("id.birthdate");
        QTest::newRow("31 April, correct check digit")
            << QStringLiteral("110101199004310048") << QStringLiteral("id.birthdate");
        QTest::newRow("wrong check digit")
            << QStringLiteral("110101199003070047") << QStringLiteral("id.checksum");
        QTest::newRow("X where 6 belongs")
            << QStringLiteral("11010119900307004X") << QStringLiteral("id.checksum");
        QTest::newRow("6 where X belongs")
            << QStringLiteral("110101199003070026") << QStringLiteral("id.checksum");
        QTest::newRow("sequence digits swapped")
            << QStringLiteral("110101199003070406") << QStringLiteral("id.checksum");
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

    void lengthMessageSaysHowManyCharactersThereAre()
    {
        const auto info = NationalId::parse(QStringLiteral("11010119900307004"));
        QVERIFY(!info);
        QVERIFY2(info.error().message.contains(QLatin1String("17")), qPrintable(info.error().message));
    }

    void everySingleMistypedCharacterIsCaught()
    {
        // MOD 11-2 detects every single substitution: no digit weight is 0 modulo 11.
        const QString valid = QStringLiteral("110101199003070046");
        const QString characters = QStringLiteral("0123456789X");
        int tried = 0;
        for (int position = 0; position < 18; ++position) {
            for (QChar c : characters) {
                if (c == valid[position] || (c == u'X' && position < 17))
                    continue;
                QString typo = valid;
                typo[position] = c;
                QVERIFY2(!NationalId::parse(typo), qPrintable(typo));
                ++tried;
            }
        }
        QCOMPARE(tried, 17 * 9 + 10);
    }

    void everyTranspositionOfNeighbouringDigitsIsCaught()
    {
        // MOD 11-2 detects swaps of unequal neighbours: neighbouring weights differ modulo 11.
        for (const QString &valid : { QStringLiteral("110101199003070046"),
                 QStringLiteral("510107198506152324"), QStringLiteral("44010619921205004X") }) {
            for (int position = 0; position + 1 < 18; ++position) {
                if (valid[position] == valid[position + 1])
                    continue;
                QString swapped = valid;
                std::swap(swapped[position], swapped[position + 1]);
                QVERIFY2(!NationalId::parse(swapped), qPrintable(swapped));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNationalId)
#include "tst_nationalid.moc"
