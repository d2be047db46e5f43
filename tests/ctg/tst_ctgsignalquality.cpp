// The signal check against synthetic traces whose truth is known: the mother's pulse picked up
// with and without a maternal channel, doubling and halving, long loss, and the fetal patterns it
// must not mistake for them (a prolonged deceleration, a deceleration passing through the
// maternal rate). Stretch boundaries within ±15 s.
#include "ctg/ctganalyzer.h"
#include "ctg/ctgsignalchecker.h"
#include "ctg/ctgsynthesizer.h"

#include <QTest>

namespace {
constexpr double Tolerance = 15;

QList<CtgSuspectStretch> ofKind(const CtgSignalQuality &q, CtgSuspectStretch::Kind kind)
{
    QList<CtgSuspectStretch> found;
    for (const CtgSuspectStretch &s : q.stretches)
        if (s.kind == kind)
            found.append(s);
    return found;
}

bool near(const CtgSuspectStretch &s, double start, double end)
{
    return std::abs(s.startSeconds - start) <= Tolerance && std::abs(s.endSeconds - end) <= Tolerance;
}

QString describe(const CtgSignalQuality &q)
{
    QStringList parts;
    for (const CtgSuspectStretch &s : q.stretches)
        parts << QStringLiteral("%1 %2–%3 s at %4").arg(s.kindName()).arg(s.startSeconds).arg(s.endSeconds).arg(s.levelBpm);
    return parts.join(QStringLiteral("; "));
}

bool anyDecelerationWithin(const CtgAnalysis &a, double from, double to)
{
    return std::any_of(a.events.cbegin(), a.events.cend(), [&](const CtgEvent &e) {
        return e.type == CtgEvent::Type::Deceleration && e.peakSeconds >= from && e.peakSeconds <= to;
    });
}
} // namespace

class TestCtgSignalQuality : public QObject
{
    Q_OBJECT

private slots:
    void maternalCaptureWithAMaternalChannelIsFoundAndLeftOut()
    {
        CtgSynthesizer s(2400, 140, 5);
        s.maternalPulse(88, true).maternalCapture(1200, 300);
        for (double peak = 200; peak < 2400; peak += 400)
            s.contraction(peak, 40, 70);
        const CtgTrace trace = s.build();
        const CtgSignalQuality q = CtgSignalChecker::assess(trace);
        const auto maternal = ofKind(q, CtgSuspectStretch::Kind::Maternal);
        QVERIFY2(maternal.size() == 1 && near(maternal.first(), 1200, 1500), qPrintable(describe(q)));
        QVERIFY(q.mayBeMaternal());
        QVERIFY(q.maternalConfirmedByChannel());

        const CtgAnalysis a = CtgAnalyzer::analyse(trace, {});
        QVERIFY2(!anyDecelerationWithin(a, 1150, 1550), "the mother's pulse is not a deceleration");
        QVERIFY(a.meanBaselineBpm && std::abs(*a.meanBaselineBpm - 140) < 4);
        QVERIFY(a.figo.reasons.first().wording().startsWith(QLatin1String("Signal may be maternal")));
        QVERIFY2(a.figo.value != QLatin1String("normal"), "a trace that may be maternal is never called normal");
    }

    void maternalCaptureWithoutAChannelIsSuspectedFromTheJump()
    {
        CtgSynthesizer s(2400, 145, 6);
        s.maternalPulse(84, false).maternalCapture(900, 420);
        const CtgTrace trace = s.build();
        QVERIFY(trace.mhrBpm.isEmpty());
        const CtgSignalQuality q = CtgSignalChecker::assess(trace);
        const auto suspected = ofKind(q, CtgSuspectStretch::Kind::MaternalSuspected);
        QVERIFY2(suspected.size() == 1 && near(suspected.first(), 900, 1320), qPrintable(describe(q)));
        QVERIFY(q.mayBeMaternal());
        QVERIFY(!q.maternalConfirmedByChannel());
        // Suspected from its features alone, it is analysed as recorded (it could be a fetal
        // bradycardia) and the warning leads the reasons.
        const CtgAnalysis a = CtgAnalyzer::analyse(trace, {});
        QVERIFY(anyDecelerationWithin(a, 850, 1370));
        QVERIFY(a.figo.value != QLatin1String("normal"));
        QVERIFY(a.figo.reasons.first().wording().contains(QLatin1String("adult")));
    }

    void bradycardiaReachedThroughSignalLossIsStillAnalysed()
    {
        // The fall to 75 bpm is hidden by 20 s of loss and the trace never comes back: a
        // terminal bradycardia must stay in the analysis whatever the signal check suspects.
        CtgSynthesizer s(2400, 150, 14);
        s.add({1800, 1200, -150}).loss(1790, 20);
        CtgTrace trace = s.build();
        const CtgSignalQuality q = CtgSignalChecker::assess(trace);
        for (const CtgSuspectStretch &stretch : q.stretches)
            QVERIFY2(!(stretch.startSeconds < 2400 && stretch.endSeconds > 2000) || !stretch.leftOutOfAnalysis(), qPrintable(describe(q)));
        const CtgAnalysis a = CtgAnalyzer::analyse(trace, {});
        QVERIFY(anyDecelerationWithin(a, 1800, 2400) || a.bradycardia);
    }

    void prolongedDecelerationIsNotTakenForTheMother()
    {
        // A 5-minute fall to 90 bpm, entered and left gradually, is the fetus in trouble.
        CtgSynthesizer s(2400, 140, 7);
        s.add({1000, 300, -50});
        const CtgTrace trace = s.build();
        const CtgSignalQuality q = CtgSignalChecker::assess(trace);
        QVERIFY2(!q.mayBeMaternal(), qPrintable(describe(q)));
        QVERIFY(q.stretches.isEmpty());
        QVERIFY(anyDecelerationWithin(CtgAnalyzer::analyse(trace, {}), 1000, 1300));
    }

    void decelerationThroughTheMaternalRateIsNotMaternal()
    {
        // The mother's pulse is recorded at 95; a variable deceleration passes it for seconds.
        CtgSynthesizer s(1800, 140, 8);
        s.maternalPulse(95, true).addAbrupt({800, 60, -60});
        const CtgSignalQuality q = CtgSignalChecker::assess(s.build());
        QVERIFY2(ofKind(q, CtgSuspectStretch::Kind::Maternal).isEmpty(), qPrintable(describe(q)));
    }

    void maternalChannelOverridesTheFeatures()
    {
        // A jump to 100 bpm that the recorded maternal pulse (75) does not follow is not hers.
        CtgSynthesizer s(2400, 150, 9);
        s.maternalPulse(75, true);
        CtgTrace trace = s.build();
        for (qsizetype i = 1000 * 4; i < 1200 * 4; ++i)
            trace.fhrBpm[i] -= 50;
        const CtgSignalQuality q = CtgSignalChecker::assess(trace);
        QVERIFY2(!q.mayBeMaternal(), qPrintable(describe(q)));
    }

    void doublingAndHalvingAreNamed()
    {
        CtgSynthesizer s(2400, 135, 10);
        s.doubling(600, 60).halving(1500, 120);
        const CtgSignalQuality q = CtgSignalChecker::assess(s.build());
        const auto doubled = ofKind(q, CtgSuspectStretch::Kind::Doubling);
        const auto halved = ofKind(q, CtgSuspectStretch::Kind::Halving);
        QVERIFY2(doubled.size() == 1 && near(doubled.first(), 600, 660), qPrintable(describe(q)));
        QVERIFY2(halved.size() == 1 && near(halved.first(), 1500, 1620), qPrintable(describe(q)));
        QVERIFY(std::abs(halved.first().levelBpm - 67.5) < 4);
    }

    void trustworthyShareIsReportedPerTenMinutes()
    {
        // 40 minutes: the second window loses 5 minutes of signal, the third half to the mother.
        CtgSynthesizer s(2400, 140, 11);
        s.loss(700, 300).maternalPulse(80, true).maternalCapture(1200, 300);
        const CtgTrace trace = s.build();
        const CtgSignalQuality q = CtgSignalChecker::assess(trace);
        QCOMPARE(q.trustworthyPercentByWindow.size(), 4);
        QVERIFY2(q.trustworthyPercentByWindow[0] > 98, qPrintable(QString::number(q.trustworthyPercentByWindow[0])));
        QVERIFY(std::abs(q.trustworthyPercentByWindow[1] - 50) < 3);
        QVERIFY(std::abs(q.trustworthyPercentByWindow[2] - 50) < 4);
        QVERIFY(q.trustworthyPercentByWindow[3] > 98);
        QVERIFY(std::abs(q.trustworthyPercent - 75) < 3);
        // Long loss alone is loss, not a suspect stretch.
        QVERIFY(ofKind(q, CtgSuspectStretch::Kind::MaternalSuspected).isEmpty());
    }

    void cleanTraceHasNothingSuspect()
    {
        CtgSynthesizer s(3600, 140, 12);
        for (double t : {400.0, 1300.0, 2200.0, 3100.0})
            s.add({t, 45, 25});
        const CtgTrace trace = s.build();
        const CtgSignalQuality q = CtgSignalChecker::assess(trace);
        QVERIFY2(q.stretches.isEmpty(), qPrintable(describe(q)));
        QVERIFY(q.trustworthyPercent > 99);
        QCOMPARE(CtgAnalyzer::analyse(trace, {}).figo.value, QStringLiteral("normal"));
    }

    void mostlyMaternalTraceIsNotClassified()
    {
        CtgSynthesizer s(1800, 140, 13);
        s.maternalPulse(90, true).maternalCapture(300, 1500);
        const CtgAnalysis a = CtgAnalyzer::analyse(s.build(), {});
        QCOMPARE(a.figo.value, QStringLiteral("insufficient-signal"));
        QVERIFY(a.figo.reasons.first().wording().startsWith(QLatin1String("Signal may be maternal")));
    }
};

QTEST_GUILESS_MAIN(TestCtgSignalQuality)
#include "tst_ctgsignalquality.moc"
