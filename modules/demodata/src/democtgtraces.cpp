#include "demodata/democtgtraces.h"

#include "ctg-records/ctgrecords.h"
#include "ctg/ctganalyzer.h"
#include "ctg/ctgsynthesizer.h"
#include "storage/clinicrecords.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace {
constexpr int FirstWeek = 32; // NSTs are routine from 32 weeks in most Chinese clinics
constexpr int LastWeek = 41;

// The ids of the demo's records follow from what they belong to, so a demo database made twice
// is the same database.
QUuid traceId(const QUuid &pregnancyId)
{
    static const QUuid demoNamespace(QStringLiteral("{5d1f3c2a-7b0e-4c55-9a61-0b7c4e2f9d10}"));
    return QUuid::createUuidV5(
        demoNamespace, QStringLiteral("ctg:") + pregnancyId.toString(QUuid::WithoutBraces));
}
} // namespace

DemoCtgTraces::DemoCtgTraces(Database &database, quint32 seed, const QDate &today)
    : m_database(database)
    , m_random(seed ^ 0x43544701u)
    , m_today(today)
{
}

Result<int> DemoCtgTraces::add(int count)
{
    // Women whose LMP puts them between the weeks today; the chart's own dating decides below.
    QSqlQuery candidates(m_database.connection());
    candidates.prepare(
        QStringLiteral("SELECT pt.id FROM patient pt JOIN pregnancy p ON p.id = pt.current_pregnancy_id "
                       "WHERE p.status = 'booked' AND p.lmp BETWEEN ? AND ? ORDER BY pt.record_number"));
    candidates.addBindValue(m_today.addDays(-(LastWeek * 7 + 6 + 14)).toString(Qt::ISODate));
    candidates.addBindValue(m_today.addDays(-(FirstWeek * 7 - 14)).toString(Qt::ISODate));
    if (!candidates.exec())
        return failure(QStringLiteral("demo.ctg"), tr("Cannot list the demo pregnancies."));
    QList<QUuid> patients;
    while (candidates.next())
        patients.append(QUuid::fromString(candidates.value(0).toString()));

    const ClinicRecords records(m_database);
    CtgRecords traces(m_database);
    int added = 0;
    for (const QUuid &patientId : patients) {
        if (added == count)
            break;
        auto chart = records.loadChart(patientId);
        if (!chart)
            return failure(chart.error());
        if (!*chart || !(*chart)->pregnancy)
            continue;
        const Pregnancy &pregnancy = *(*chart)->pregnancy;
        const QDate day = m_today.addDays(-static_cast<int>(m_random.bounded(14)));
        const auto age = pregnancy.gestationalAgeOn(day);
        if (!age || age->totalDays() < FirstWeek * 7 || age->totalDays() > LastWeek * 7 + 6)
            continue;

        const CtgTrace trace = nextTrace(added);
        CtgAnalyzer::Options options;
        options.gestationalWeeks = age->totalDays() / 7.0;
        const CtgAnalysis analysis = CtgAnalyzer::analyse(trace, options);
        CtgTraceRecord record;
        record.meta.id = traceId(pregnancy.meta.id);
        record.pregnancyId = pregnancy.meta.id;
        record.setSummary(analysis);
        record.gestationalAgeDays = age->totalDays();
        record.source = QStringLiteral("demo-nst-%1.csv").arg(added + 1);
        const QTime start(8 + static_cast<int>(m_random.bounded(3)), static_cast<int>(m_random.bounded(60)));
        record.recordedAt = QDateTime(day, start, QTimeZone::systemTimeZone()).toUTC();
        record.meta.createdAt = record.recordedAt.addSecs(qRound64(analysis.durationSeconds));
        if (auto stored = traces.addTrace(record, trace); !stored)
            return failure(stored.error());
        ++added;
    }
    return added;
}

CtgTrace DemoCtgTraces::nextTrace(int index)
{
    const double minutes = 20 + 10 * static_cast<double>(m_random.bounded(3)); // 20, 30 or 40
    const double seconds = minutes * 60;
    const auto seed = static_cast<quint32>(m_random.generate());
    if (index % 8 == 7) {
        // Recurrent late decelerations: each begins after the contraction's peak, with little
        // variability between them.
        CtgSynthesizer trace(seconds, 150, seed);
        trace.variability(4);
        for (double peak = 240; peak < seconds - 120; peak += 210)
            trace.contraction(peak, 55).add({ peak + 15, 80, -22 });
        return trace.build();
    }
    const double baseline = index % 8 == 3 ? 168 : 125 + static_cast<double>(m_random.bounded(26));
    CtgSynthesizer trace(seconds, baseline, seed);
    trace.variability(9 + static_cast<double>(m_random.bounded(7)));
    // Reactive: accelerations of 15–30 bpm for 20–40 s, usually with a fetal movement.
    QList<double> movements;
    for (double at = 150 + m_random.bounded(200); at < seconds - 120; at += 300 + m_random.bounded(300)) {
        trace.add({ at, 20 + static_cast<double>(m_random.bounded(20)),
            18 + static_cast<double>(m_random.bounded(12)) });
        movements.append(at + 5);
    }
    // An occasional Braxton Hicks contraction without a deceleration.
    if (m_random.bounded(2) == 0)
        trace.contraction(seconds / 2, 30, 60);
    CtgTrace built = trace.build();
    for (const double at : movements)
        built.marks.append({ at, QStringLiteral("fetal-movement") });
    return built;
}
