// The registrations of this cache that may be the woman about to be registered: found by ID
// number, birth date or phone through the indexes, the rules applied, the exact match first, a
// removed record and her own left out.
#include "storage/duplicatefinder.h"

#include "testclinic.h"

#include <QTest>

class TestDuplicateFinder : public QObject
{
    Q_OBJECT

private slots:
    void theSameWomanIsFoundAndOthersAreNot()
    {
        TestClinic clinic(QStringLiteral("nurse-li"));
        QVERIFY(clinic.isOpen());
        Patient withId;
        withId.name = QStringLiteral("欧阳秀英");
        withId.nationalId = QStringLiteral("110101199003070046");
        withId.birthDate = QDate(1990, 3, 7);
        withId.phone = QStringLiteral("+86 13912345678");
        const auto booked = clinic.book(withId, QDate::currentDate().addDays(-100));
        QVERIFY(booked);
        const auto namesake = clinic.book(QStringLiteral("欧阳秀英"), QDate(1990, 3, 7), QDate::currentDate().addDays(-50));
        QVERIFY(namesake);
        for (int i = 0; i < 30; ++i) // others born the same day, to be passed over
            QVERIFY(clinic.book(QStringLiteral("别人%1").arg(i), QDate(1990, 3, 7), QDate::currentDate().addDays(-10)));
        const DuplicateFinder finder(clinic.database().connection());

        Patient again = withId;
        again.name = QStringLiteral("欧阳 秀英");
        const auto found = finder.find(again);
        QVERIFY(found);
        QCOMPARE(found->size(), 2);
        QVERIFY(found->first().exact()); // her, by the ID number, first
        QCOMPARE(found->first().existing.meta.id, booked->patient.meta.id);
        QCOMPARE(found->at(1).existing.meta.id, namesake->patient.meta.id);
        QCOMPARE(found->at(1).rules, QList<IdentityMatch::Rule> { IdentityMatch::Rule::NameAndBirthDate });

        // By phone alone with the birth date: a new woman typed with her phone in another form.
        Patient byPhone;
        byPhone.name = QStringLiteral("欧阳秀");
        byPhone.birthDate = QDate(1990, 3, 7);
        byPhone.phone = QStringLiteral("139 1234 5678");
        const auto phoneMatch = finder.find(byPhone);
        QCOMPARE(phoneMatch->size(), 1);
        QCOMPARE(phoneMatch->first().rules, QList<IdentityMatch::Rule> { IdentityMatch::Rule::PhoneAndBirthDate });

        // Nobody like her; and her own record is not her duplicate.
        Patient stranger;
        stranger.name = QStringLiteral("张三");
        stranger.birthDate = QDate(1985, 1, 1);
        QVERIFY(finder.find(stranger)->isEmpty());
        QCOMPARE(finder.find(again, booked->patient.meta.id)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateFinder)
#include "tst_duplicatefinder.moc"
