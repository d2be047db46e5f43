// Fetal heart traces in the pregnancy record: a trace is stored with its analysis summary and its
// samples (kept once, by content address, checked on every read), and its row — not its bytes —
// reaches the sync outbox; a pathological or category III trace is found as alarming and a normal
// one is not; annotations keep their time and are edited and removed as tombstones; an
// interpretation is a draft until signed and final afterwards, even against raw SQL; importing a
// monitor's CSV fills the summary and dates the recording from the file; a database that already
// had the later schema versions gets schema 7 when it is opened.
#include "ctg-records/ctgrecords.h"
#include "ctg-records/ctgtraceimport.h"
#include "ctg/ctganalyzer.h"
#include "ctg/ctgsynthesizer.h"
#include "i18n/translations.h"
#include "sqlscalar.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime signingTime(QDate(2026, 9, 28), QTime(10, 30), Qt::UTC);

CtgTrace normalTrace()
{
    CtgSynthesizer s(2400, 135, 13);
    s.add({ 500, 40, 25 }).add({ 1400, 40, 25 });
    return s.build();
}

// Repetitive late decelerations for an hour: FIGO pathological.
CtgTrace lateDecelerationsTrace()
{
    CtgSynthesizer s(3600, 145, 17);
    for (double peak = 300; peak < 3500; peak += 240)
        s.contraction(peak).add({ peak + 10, 80, -25 });
    return s.build();
}

CtgTrace sinusoidalTrace()
{
    CtgSynthesizer s(2400, 140, 31);
    s.sinusoidal(0, 2400, 10, 15);
    return s.build();
}
} // namespace

class TestCtgRecords : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    Pregnancy m_pregnancy;
    int m_files = 0;

    int count(const QString &sql) const { return int(sqlNumber(m_db->connection(), sql)); }

    CtgTraceRecord stored(const CtgTrace &trace,
        const QDateTime &recordedAt = QDateTime(QDate(2026, 9, 20), QTime(8, 0), Qt::UTC))
    {
        CtgTraceRecord r;
        r.pregnancyId = m_pregnancy.meta.id;
        r.recordedAt = recordedAt;
        r.source = QStringLiteral("nst.csv");
        r.gestationalAgeDays = 38 * 7 + 2;
        r.setSummary(CtgAnalyzer::analyse(trace, {}));
        const auto added = CtgRecords(*m_db).addTrace(r, trace);
        if (!added)
            qWarning() << added.error().message;
        return r;
    }

private slots:
    void init()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("c%1.db").arg(m_files++)),
            { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") });
        QVERIFY(db);
        m_db = std::move(*db);
        Patient patient;
        patient.name = QStringLiteral("王芳");
        patient.birthDate = QDate(1992, 3, 4);
        m_pregnancy = Pregnancy {};
        m_pregnancy.lmp = QDate(2026, 1, 1);
        m_pregnancy.bookingDate = QDate(2026, 3, 1);
        QVERIFY(ClinicRecords(*m_db).registerPregnancy(patient, m_pregnancy));
    }

    void traceRoundTripsWithItsSummaryAndSamplesAndOnlyItsRowIsQueuedForSync()
    {
        const CtgTrace trace = normalTrace();
        const CtgTraceRecord added = stored(trace);
        QVERIFY(!added.meta.id.isNull());
        QCOMPARE(added.dataSha256.size(), 64);
        CtgRecords records(*m_db);
        const auto list = records.forPregnancy(m_pregnancy.meta.id);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        const CtgTraceRecord &r = list->first();
        QCOMPARE(r.meta.id, added.meta.id);
        QCOMPARE(r.recordedAt, QDateTime(QDate(2026, 9, 20), QTime(8, 0), Qt::UTC));
        QCOMPARE(r.durationSeconds, 2400.0);
        QCOMPARE(r.sampleRateHz, 4.0);
        QCOMPARE(r.source, QStringLiteral("nst.csv"));
        QCOMPARE(r.gestationalAgeDays, std::optional<int>(38 * 7 + 2));
        QCOMPARE(r.figoClass, QStringLiteral("normal"));
        QCOMPARE(r.nichdCategory, QStringLiteral("I"));
        QVERIFY(!r.reasons.isEmpty());
        QVERIFY(r.baselineBpm && std::abs(*r.baselineBpm - 135) < 3);
        QVERIFY(!r.isAlarming());

        const auto samples = records.loadTrace(r);
        QVERIFY2(samples, samples ? "" : qPrintable(samples.error().message));
        QCOMPARE(samples->sampleCount(), trace.sampleCount());
        for (qsizetype i = 0; i < trace.sampleCount(); i += 97) {
            QCOMPARE(CtgTrace::isLost(samples->fhrBpm[i]), CtgTrace::isLost(trace.fhrBpm[i]));
            if (!CtgTrace::isLost(trace.fhrBpm[i]))
                QVERIFY(std::abs(samples->fhrBpm[i] - trace.fhrBpm[i]) <= 0.01f);
        }
        QCOMPARE(samples->tocoUnits.size(), trace.tocoUnits.size());

        const QString id = added.meta.id.toString(QUuid::WithoutBraces);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'ctg_trace' AND "
                                      "record_id = '%1' AND json_extract(fields, '$.figo_class') = 'normal' "
                                      "AND json_extract(fields, '$.data_sha256') = '%2'")
                           .arg(id, added.dataSha256)),
            1);
        // The samples travel as an attachment by their address, not through the outbox.
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'ctg_trace_data'")), 0);
    }

    void storedReasonsReadInTheLanguageOfWhoeverOpensTheTrace()
    {
        // Imported at an English workstation: a tachycardia at 170 bpm.
        const CtgTraceRecord added = stored(CtgSynthesizer(1800, 170, 23).build());
        QCOMPARE(added.figoClass, QStringLiteral("suspicious"));
        const QString id = added.meta.id.toString(QUuid::WithoutBraces);
        // The row keeps the wording and the number, and so does what is synced.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ctg_trace WHERE id = '") + id
                     + QStringLiteral("' AND reasons_json LIKE '%\"wording\":\"Baseline above 160 bpm (%1 bpm): "
                                      "tachycardia.\"%'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE record_id = '%1' AND fields LIKE '%tachycardia%'").arg(id)), 1);

        // Opened at a Chinese workstation.
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        const auto list = CtgRecords(*m_db).forPregnancy(m_pregnancy.meta.id);
        QVERIFY(list && list->size() == 1);
        const QString chinese = list->first().reasons.first().text();
        installTranslations(QLocale::c());
        QVERIFY2(chinese.contains(QStringLiteral("胎心过速")), qPrintable(chinese));
        QVERIFY2(chinese.contains(QRegularExpression(QStringLiteral("1[67]\\d"))), qPrintable(chinese));
        QVERIFY(!chinese.contains(QLatin1String("tachycardia")));
        // Back in English.
        QVERIFY(CtgRecords(*m_db).forPregnancy(m_pregnancy.meta.id)->first().reasons.first().text().contains(
            QLatin1String("tachycardia")));

        // A reason stored as a sentence (before reasons kept their wording) is shown as it was.
        QVERIFY(QSqlQuery(m_db->connection()).exec(
            QStringLiteral("UPDATE ctg_trace SET reasons_json = '[\"基线偏高。\"]' WHERE id = '%1'").arg(id)));
        QCOMPARE(CtgRecords(*m_db).forPregnancy(m_pregnancy.meta.id)->first().reasons.first().text(),
            QStringLiteral("基线偏高。"));
    }

    void theSameSamplesImportedTwiceAreKeptOnce()
    {
        const CtgTrace trace = normalTrace();
        const CtgTraceRecord first = stored(trace);
        const CtgTraceRecord second = stored(trace, QDateTime(QDate(2026, 9, 21), QTime(9, 0), Qt::UTC));
        QCOMPARE(first.dataSha256, second.dataSha256);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ctg_trace")), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ctg_trace_data")), 1);
        const auto list = CtgRecords(*m_db).forPregnancy(m_pregnancy.meta.id);
        QCOMPARE(list->first().meta.id, second.meta.id); // newest first
    }

    void damagedOrMissingSamplesAreRefusedNotShown()
    {
        const CtgTraceRecord r = stored(normalTrace());
        QSqlQuery damage(m_db->connection());
        QVERIFY(damage.exec(QStringLiteral("UPDATE ctg_trace_data SET bytes = substr(bytes, 1, 100)")));
        auto loaded = CtgRecords(*m_db).loadTrace(r);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, QStringLiteral("ctg.data-damaged"));
        QVERIFY(damage.exec(QStringLiteral("DELETE FROM ctg_trace_data")));
        loaded = CtgRecords(*m_db).loadTrace(r);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, QStringLiteral("ctg.data-missing"));
    }

    void traceWithoutAPregnancyIsRefused()
    {
        CtgTraceRecord r;
        const auto added = CtgRecords(*m_db).addTrace(r, normalTrace());
        QVERIFY(!added);
        QCOMPARE(added.error().code, QStringLiteral("ctg.no-pregnancy"));
    }

    void pathologicalAndCategoryThreeTracesAreAlarmingAndANormalOneIsNot()
    {
        const CtgTraceRecord normal = stored(normalTrace());
        const CtgTraceRecord late
            = stored(lateDecelerationsTrace(), QDateTime(QDate(2026, 9, 22), QTime(8, 0), Qt::UTC));
        const CtgTraceRecord sine
            = stored(sinusoidalTrace(), QDateTime(QDate(2026, 9, 23), QTime(8, 0), Qt::UTC));
        QCOMPARE(late.figoClass, QStringLiteral("pathological"));
        QCOMPARE(sine.nichdCategory, QStringLiteral("III"));
        QVERIFY(late.isAlarming());
        QVERIFY(sine.isAlarming());
        const auto alarming = CtgRecords(*m_db).alarming(m_pregnancy.meta.id);
        QVERIFY(alarming);
        QCOMPARE(alarming->size(), 2);
        QCOMPARE(alarming->at(0).meta.id, sine.meta.id);
        QCOMPARE(alarming->at(1).meta.id, late.meta.id);
        // Suspicious alone is not alarming: FIGO asks for action, not an alert, on it.
        CtgTraceRecord suspicious;
        suspicious.figoClass = QStringLiteral("suspicious");
        suspicious.nichdCategory = QStringLiteral("II");
        QVERIFY(!suspicious.isAlarming());
    }

    void annotationsKeepTheirTimeAreEditedAndRemovedAsTombstones()
    {
        const CtgTraceRecord r = stored(normalTrace());
        CtgRecords records(*m_db);
        CtgAnnotation late { {}, r.meta.id, 1200, QStringLiteral("Oxytocin started") };
        CtgAnnotation early { {}, r.meta.id, 300.5, QStringLiteral("左侧卧位") };
        QVERIFY(records.saveAnnotation(late));
        QVERIFY(records.saveAnnotation(early));
        auto list = records.annotations(r.meta.id);
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).text, QStringLiteral("左侧卧位"));
        QCOMPARE(list->at(0).atSeconds, 300.5);
        QCOMPARE(list->at(0).meta.author, QStringLiteral("dr-wang"));
        QCOMPARE(list->at(1).atSeconds, 1200.0);

        late.text = QStringLiteral("Oxytocin 2 mU/min started");
        QVERIFY(records.saveAnnotation(late));
        QCOMPARE(records.annotations(r.meta.id)->at(1).text, QStringLiteral("Oxytocin 2 mU/min started"));
        QVERIFY(records.removeAnnotation(early));
        list = records.annotations(r.meta.id);
        QCOMPARE(list->size(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ctg_annotation WHERE deleted = 1")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'ctg_annotation' "
                                      "AND operation = 'update' AND json_extract(fields, '$.deleted') = 1")),
            1);

        CtgAnnotation empty { {}, r.meta.id, 10, QStringLiteral("  ") };
        const auto refused = records.saveAnnotation(empty);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("ctg.empty-annotation"));
        CtgAnnotation before { {}, r.meta.id, -1, QStringLiteral("x") };
        QCOMPARE(records.saveAnnotation(before).error().code, QStringLiteral("ctg.annotation-time"));
    }

    void interpretationIsADraftUntilSignedAndFinalAfterwards()
    {
        const CtgTraceRecord r = stored(normalTrace());
        CtgRecords records(*m_db);
        CtgInterpretation draft;
        draft.traceId = r.meta.id;
        QCOMPARE(records.sign(draft, QStringLiteral("王医生"), signingTime).error().code,
            QStringLiteral("ctg.empty-interpretation"));
        draft.text = QStringLiteral("基线135次/分，变异正常，有加速，无减速。NST反应型。");
        QVERIFY(records.saveInterpretation(draft));
        draft.text += QStringLiteral(" 建议常规产检。");
        QVERIFY(records.saveInterpretation(draft)); // drafts are saved as often as she likes
        QCOMPARE(records.sign(draft, QStringLiteral("  "), signingTime).error().code,
            QStringLiteral("ctg.no-signer"));
        QVERIFY(records.sign(draft, QStringLiteral("王医生"), signingTime));
        QVERIFY(draft.isSigned());

        const auto list = records.interpretations(r.meta.id);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().signedBy, QStringLiteral("王医生"));
        QCOMPARE(list->first().signedAt, signingTime);
        QVERIFY(list->first().text.endsWith(QStringLiteral("建议常规产检。")));

        CtgInterpretation again = list->first();
        again.text = QStringLiteral("changed afterwards");
        QCOMPARE(records.saveInterpretation(again).error().code, QStringLiteral("ctg.signed"));
        QCOMPARE(records.sign(again, QStringLiteral("李医生"), signingTime).error().code,
            QStringLiteral("ctg.signed"));
        // A copy opened before she signed, still a draft on the screen: refused as well.
        CtgInterpretation stale = list->first();
        stale.signedAt = QDateTime();
        stale.signedBy.clear();
        QCOMPARE(records.saveInterpretation(stale).error().code, QStringLiteral("ctg.signed"));
        QSqlQuery raw(m_db->connection());
        QVERIFY(!raw.exec(QStringLiteral("UPDATE ctg_interpretation SET text = 'x'")));
        QVERIFY(records.interpretations(r.meta.id)->first().text.endsWith(QStringLiteral("建议常规产检。")));

        // A later reader adds her own.
        CtgInterpretation second;
        second.traceId = r.meta.id;
        second.text = QStringLiteral("复核同意。");
        QVERIFY(records.sign(second, QStringLiteral("李医生"), signingTime.addSecs(3600)));
        QCOMPARE(records.interpretations(r.meta.id)->size(), 2);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'ctg_interpretation' "
                                 "AND json_extract(fields, '$.signed_by') = '李医生'")),
            1);
    }

    void importingAMonitorCsvFillsTheSummaryAndDatesTheRecordingFromTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("monitor.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("time_s,fhr_bpm,toco\n");
        const CtgTrace trace = lateDecelerationsTrace();
        for (qsizetype i = 0; i < trace.sampleCount(); ++i) {
            const float fhr = trace.fhrBpm[i];
            file.write(QByteArray::number(i / 4.0) + ','
                + (CtgTrace::isLost(fhr) ? QByteArray("0") : QByteArray::number(fhr, 'f', 2)) + ','
                + QByteArray::number(trace.tocoUnits.value(i), 'f', 1) + '\n');
        }
        file.close();
        const QDateTime written(QDate(2026, 9, 25), QTime(11, 0), Qt::UTC);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(written, QFileDevice::FileModificationTime));
        file.close();

        const auto imported = CtgTraceImport::read(path, {}, 36 * 7);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
        QCOMPARE(imported->record.source, QStringLiteral("monitor.csv"));
        QCOMPARE(imported->record.figoClass, QStringLiteral("pathological"));
        QCOMPARE(imported->record.gestationalAgeDays, std::optional<int>(36 * 7));
        QCOMPARE(imported->record.durationSeconds, 3600.0);
        QCOMPARE(imported->record.recordedAt, written.addSecs(-3600));
        QCOMPARE(CtgTraceImport::lastWritten(path), written);
        // Copied from the monitor later: the clinician gives the real end.
        const QDateTime ended(QDate(2026, 9, 25), QTime(7, 30), Qt::UTC);
        QCOMPARE(CtgTraceImport::read(path, {}, {}, ended)->record.recordedAt, ended.addSecs(-3600));

        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("time,heart\n1,2\n");
        badFile.close();
        const auto refused = CtgTraceImport::read(bad);
        QVERIFY(!refused);
        QVERIFY(!refused.error().message.isEmpty());
    }

    void aDatabaseThatAlreadyHadLaterVersionsGetsSchema7WhenOpened()
    {
        const QString path = m_db->path();
        {
            QSqlQuery drop(m_db->connection());
            for (const char *sql :
                { "DROP TABLE ctg_interpretation", "DROP TABLE ctg_annotation", "DROP TABLE ctg_trace_data",
                    "DROP TABLE ctg_trace", "DELETE FROM schema_migration WHERE version = 7" })
                QVERIFY2(drop.exec(QString::fromLatin1(sql)), sql);
        }
        m_db.reset();
        auto reopened = Database::open(path, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") });
        QVERIFY2(reopened, reopened ? "" : qPrintable(reopened.error().message));
        m_db = std::move(*reopened);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM schema_migration WHERE version = 7")), 1);
        const CtgTraceRecord r = stored(normalTrace());
        QVERIFY(!r.meta.id.isNull());
        QCOMPARE(CtgRecords(*m_db).forPregnancy(m_pregnancy.meta.id)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCtgRecords)
#include "tst_ctgrecords.moc"
