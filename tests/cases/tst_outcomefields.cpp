// Closure fields by name, as the closure form and the amendment dialog use them: each end of
// pregnancy has its own fields, newborns are numbered, a value that does not fit its field is
// refused with the field named, and an amendment names what it changed.
#include "cases/outcomefields.h"

#include <QTest>

namespace {
CaseOutcome twins()
{
    CaseOutcome o;
    o.kind = CaseOutcome::Kind::Delivery;
    o.date = QDate(2026, 10, 1);
    o.gestationalAge = GestationalAge::fromWeeksAndDays(36, 5);
    o.mode = QStringLiteral("caesarean");
    o.bloodLossMl = 600;
    o.newborns = { Newborn { QStringLiteral("female"), 2400, 8, 9, QStringLiteral("live") },
        Newborn { QStringLiteral("male"), 2250, 7, 9, QStringLiteral("live") } };
    return o;
}

QStringList keys(const CaseOutcome &outcome)
{
    QStringList list;
    for (const OutcomeField &field : OutcomeFields::of(outcome))
        list.append(field.key);
    return list;
}
} // namespace

class TestOutcomeFields : public QObject
{
    Q_OBJECT

private slots:
    void eachEndAsksOnlyItsOwnFields()
    {
        const QStringList delivery = keys(twins());
        QVERIFY(delivery.contains(QStringLiteral("bloodLossMl")));
        QVERIFY(delivery.contains(QStringLiteral("newborn2.apgar5")));
        QVERIFY(!delivery.contains(QStringLiteral("newborn3.sex")));
        QVERIFY(!delivery.contains(QStringLiteral("destination")));
        CaseOutcome transfer;
        transfer.kind = CaseOutcome::Kind::TransferOut;
        QCOMPARE(keys(transfer),
            (QStringList { QStringLiteral("date"), QStringLiteral("destination"), QStringLiteral("notes") }));
        CaseOutcome death;
        death.kind = CaseOutcome::Kind::MaternalDeath;
        QVERIFY(keys(death).contains(QStringLiteral("cause")));
        QVERIFY(!keys(death).contains(QStringLiteral("gestationalAge")));
    }

    void valuesAreReadAndWrittenInTheirStoredForm()
    {
        const CaseOutcome o = twins();
        QCOMPARE(OutcomeFields::value(o, QStringLiteral("gestationalAge")), QStringLiteral("36+5"));
        QCOMPARE(OutcomeFields::value(o, QStringLiteral("newborn2.weightGrams")), QStringLiteral("2250"));
        QCOMPARE(OutcomeFields::value(o, QStringLiteral("date")), QStringLiteral("2026-10-01"));
        const CaseOutcome changed
            = *OutcomeFields::withValue(o, QStringLiteral("newborn2.weightGrams"), QStringLiteral("2300"));
        QCOMPARE(changed.newborns[1].weightGrams, std::optional<int>(2300));
        QCOMPARE(changed.newborns[0].weightGrams, std::optional<int>(2400));
        QCOMPARE(OutcomeFields::withValue(o, QStringLiteral("gestationalAge"), QStringLiteral("37+0"))
                     ->gestationalAge,
            std::optional(GestationalAge::fromWeeksAndDays(37, 0)));
        QCOMPARE(OutcomeFields::withValue(o, QStringLiteral("mode"), QStringLiteral("vaginal"))->mode,
            QStringLiteral("vaginal"));
        QVERIFY(
            !OutcomeFields::withValue(o, QStringLiteral("bloodLossMl"), QString())->bloodLossMl.has_value());
    }

    void valueThatDoesNotFitItsFieldIsRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("seven extra days") << QStringLiteral("gestationalAge") << QStringLiteral("38+7");
        QTest::newRow("words for a number") << QStringLiteral("bloodLossMl") << QStringLiteral("about 500");
        QTest::newRow("day first") << QStringLiteral("date") << QStringLiteral("01/10/2026");
        QTest::newRow("mode not offered") << QStringLiteral("mode") << QStringLiteral("forceps");
        QTest::newRow("newborn not there") << QStringLiteral("newborn3.sex") << QStringLiteral("male");
        QTest::newRow("field of another end") << QStringLiteral("destination") << QStringLiteral("市医院");
    }
    void valueThatDoesNotFitItsFieldIsRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        const auto changed = OutcomeFields::withValue(twins(), key, value);
        QVERIFY(!changed);
        QVERIFY(changed.error().code.startsWith(QLatin1String("cases.amend")));
    }

    void amendmentNamesTheFieldsItChanged()
    {
        const CaseOutcome before = twins();
        CaseOutcome after = before;
        after.bloodLossMl = 900;
        after.newborns[1].apgar1 = 6;
        QCOMPARE(OutcomeFields::changedFields(before, after),
            (QStringList { OutcomeFields::of(after)[7].label,
                OutcomeFields::find(after, QStringLiteral("newborn2.apgar1"))->label }));
        QVERIFY(OutcomeFields::changedFields(before, before).isEmpty());
    }

    void choicesAreShownInWordsAndUnknownKeysAsTheyAre()
    {
        QCOMPARE(OutcomeFields::choices(QStringLiteral("mode")).size(), 3);
        QVERIFY(OutcomeFields::displayValue(twins(), QStringLiteral("mode")) != QStringLiteral("caesarean"));
        QCOMPARE(OutcomeFields::choiceLabel(QStringLiteral("mode"), QStringLiteral("unknown")),
            QStringLiteral("unknown"));
        QCOMPARE(OutcomeFields::displayValue(twins(), QStringLiteral("place")), QStringLiteral("—"));
    }
};

QTEST_GUILESS_MAIN(TestOutcomeFields)
#include "tst_outcomefields.moc"
