// The structured ultrasound report: a draft round-trips with every structured field and the
// biometry of its exam and reaches the sync outbox; signing needs each required field (named in
// a translated message) and then freezes the report; an amendment is a new report that keeps the
// signed original; the worklist learns which studies are reported; the PDF is one A4 page that
// holds the woman, the biometry table and the impression.
#include "sqlscalar.h"
#include "testclinic.h"
#include "ultrasound-exams/ultrasoundreportpdf.h"
#include "ultrasound-exams/ultrasoundreportrepository.h"
#include "ultrasound-exams/ultrasoundreportvalidator.h"

#include <QDir>
#include <QPageSize>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {
const QDateTime signingTime(QDate(2026, 9, 28), QTime(10, 30), Qt::UTC);

// Marks every string of the validator's context, to show each message is looked up in the
// catalogue (the Chinese text itself lives in translations/).
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        return qstrcmp(context, "UltrasoundReportValidator") == 0
            ? QStringLiteral("译:") + QString::fromUtf8(source)
            : QString();
    }
};

bool hasProblem(const UltrasoundReport &r, const QString &field)
{
    const auto found = UltrasoundReportValidator::problems(r);
    return std::any_of(found.begin(), found.end(), [&](const auto &p) { return p.field == field; });
}
} // namespace

class TestUltrasoundReport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestClinic> m_clinic;
    Database *m_db = nullptr;
    Pregnancy m_pregnancy;

    int count(const QString &sql) const { return int(sqlNumber(m_db->connection(), sql)); }

    UltrasoundReport complete() const
    {
        FetalBiometry b;
        (void)b.set(BiometryMeasure::Bpd, 74.8);
        (void)b.set(BiometryMeasure::Hc, 274.6);
        (void)b.set(BiometryMeasure::Ac, 258.4);
        (void)b.set(BiometryMeasure::Fl, 57.2);
        UltrasoundReport r = UltrasoundReport::fromExam(UltrasoundExam::measured(
            m_pregnancy.meta.id, QDate(2026, 9, 28), QStringLiteral("1.2.826.0.1.7"), b));
        r.fetusCount = 1;
        r.heartActivity = UltrasoundReport::HeartActivity::Present;
        r.heartRateBpm = 142;
        r.presentation = UltrasoundReport::Presentation::Cephalic;
        r.placentaLocation = QStringLiteral("后壁");
        r.placentaGrade = 1;
        r.afiCm = 12.5;
        r.findings = QStringLiteral("宫内单活胎，胎儿结构未见明显异常。");
        r.impression = QStringLiteral("宫内妊娠，单活胎，头位，超声孕周约30周。");
        r.reader = QStringLiteral("陈医生");
        return r;
    }

private slots:
    void init()
    {
        m_clinic = std::make_unique<TestClinic>(QStringLiteral("us-chen"));
        QVERIFY2(m_clinic->isOpen(), qPrintable(m_clinic->error()));
        m_db = &m_clinic->database();
        const auto woman = m_clinic->book(QStringLiteral("李梅"), QDate(1993, 5, 1), QDate(2026, 3, 2), QDate(2026, 5, 1));
        QVERIFY(woman);
        m_pregnancy = woman->pregnancy;
    }

    void draftRoundTripsWithStructuredFieldsAndBiometryAndIsQueuedForSync()
    {
        UltrasoundReportRepository repository(*m_db);
        UltrasoundReport r = complete();
        QVERIFY(r.efwGrams && r.gestationalAge);
        QVERIFY(repository.save(r));
        auto stored = repository.forStudy(QStringLiteral("1.2.826.0.1.7"));
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        const UltrasoundReport &s = stored->first();
        QCOMPARE(s.pregnancyId, m_pregnancy.meta.id);
        QCOMPARE(s.fetusCount, std::optional<int>(1));
        QCOMPARE(s.heartActivity, UltrasoundReport::HeartActivity::Present);
        QCOMPARE(s.heartRateBpm, std::optional<int>(142));
        QCOMPARE(s.presentation, UltrasoundReport::Presentation::Cephalic);
        QCOMPARE(s.placentaLocation, QStringLiteral("后壁"));
        QCOMPARE(s.placentaGrade, std::optional<int>(1));
        QCOMPARE(s.afiCm, std::optional<double>(12.5));
        QVERIFY(!s.deepestPocketCm);
        QCOMPARE(s.biometry, r.biometry);
        QCOMPARE(qRound(*s.efwGrams), qRound(*r.efwGrams));
        QCOMPARE(s.gestationalAge, r.gestationalAge);
        QCOMPARE(s.impression, r.impression);
        QCOMPARE(s.reader, QStringLiteral("陈医生"));
        QVERIFY(!s.isSigned());
        QCOMPARE(repository.forPregnancy(m_pregnancy.meta.id)->size(), 1);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'ultrasound_report' "
                                 "AND operation = 'insert' AND json_extract(fields, '$.pregnancy_id') = '%1' "
                                 "AND json_extract(fields, '$.heart_rate_bpm') = 142")
                      .arg(m_pregnancy.meta.id.toString(QUuid::WithoutBraces))),
            1);
    }

    void signingFreezesTheReportAndQueuesTheSignature()
    {
        UltrasoundReportRepository repository(*m_db);
        UltrasoundReport r = complete();
        QVERIFY(repository.save(r));
        QVERIFY(repository.sign(r, QStringLiteral("陈医生"), signingTime));
        QVERIFY(r.isSigned());
        const UltrasoundReport s = repository.forStudy(r.studyInstanceUid)->first();
        QCOMPARE(s.signedBy, QStringLiteral("陈医生"));
        QCOMPARE(s.signedAt, signingTime);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM sync_outbox WHERE table_name = 'ultrasound_report' "
                     "AND operation = 'update' AND json_extract(fields, '$.signed_by') = '陈医生'")),
            1);
        UltrasoundReport edited = s;
        edited.impression = QStringLiteral("changed");
        const auto refused = repository.save(edited);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("usreport.signed"));
        // A copy of the draft taken before it was signed is refused too: the stored row decides.
        UltrasoundReport stale = r;
        stale.signedAt = QDateTime();
        QVERIFY(!repository.save(stale));
        QCOMPARE(repository.sign(edited, QStringLiteral("x"), signingTime).error().code,
            QStringLiteral("usreport.signed"));
        QCOMPARE(repository.forStudy(r.studyInstanceUid)->first().impression, complete().impression);
    }

    void amendmentIsANewReportAndKeepsTheSignedOriginal()
    {
        UltrasoundReportRepository repository(*m_db);
        UltrasoundReport r = complete();
        QVERIFY(!UltrasoundReportRepository::amend(r)); // a draft is edited, not amended
        QVERIFY(repository.save(r));
        QVERIFY(repository.sign(r, QStringLiteral("陈医生"), signingTime));
        auto amendment = UltrasoundReportRepository::amend(r);
        QVERIFY(amendment);
        QCOMPARE(amendment->amends, r.meta.id);
        QVERIFY(!amendment->isSigned());
        amendment->presentation = UltrasoundReport::Presentation::Breech;
        amendment->impression = QStringLiteral("宫内妊娠，单活胎，臀位。");
        QCOMPARE(
            repository.sign(*amendment, QStringLiteral("陈医生"), signingTime.addSecs(3600)).error().code,
            QStringLiteral("usreport.no-reason"));
        amendment->amendmentReason = QStringLiteral("胎方位更正");
        QVERIFY(repository.save(*amendment));
        QVERIFY(repository.sign(*amendment, QStringLiteral("陈医生"), signingTime.addSecs(3600)));
        const auto all = repository.forStudy(r.studyInstanceUid);
        QCOMPARE(all->size(), 2);
        const auto original
            = std::find_if(all->begin(), all->end(), [&](const auto &x) { return x.meta.id == r.meta.id; });
        QVERIFY(original != all->end());
        QCOMPARE(original->presentation, UltrasoundReport::Presentation::Cephalic);
        QCOMPARE(original->impression, complete().impression);
        QVERIFY(original->isSigned());
    }

    void signingNeedsEachRequiredFieldNamed()
    {
        UltrasoundReport r = complete();
        QVERIFY(UltrasoundReportValidator::problems(r).isEmpty());
        r.impression = QStringLiteral("  ");
        QVERIFY(hasProblem(r, QStringLiteral("impression")));
        r = complete();
        r.reader.clear();
        QVERIFY(hasProblem(r, QStringLiteral("reader")));
        r = complete();
        r.fetusCount.reset();
        QVERIFY(hasProblem(r, QStringLiteral("fetus_count")));
        r.fetusCount = 0;
        QVERIFY(hasProblem(r, QStringLiteral("fetus_count")));
        r.fetusCount = 5;
        QVERIFY(!hasProblem(r, QStringLiteral("fetus_count")));
        r.fetusCount = 6;
        QVERIFY(hasProblem(r, QStringLiteral("fetus_count")));
        r = complete();
        r.heartActivity = UltrasoundReport::HeartActivity::Unknown;
        QVERIFY(hasProblem(r, QStringLiteral("heart_activity")));
        r = complete();
        r.heartRateBpm = 50;
        QVERIFY(!hasProblem(r, QStringLiteral("heart_rate_bpm")));
        r.heartRateBpm = 49;
        QVERIFY(hasProblem(r, QStringLiteral("heart_rate_bpm")));
        r.heartRateBpm = 240;
        QVERIFY(!hasProblem(r, QStringLiteral("heart_rate_bpm")));
        r.heartRateBpm = 241;
        QVERIFY(hasProblem(r, QStringLiteral("heart_rate_bpm")));
        r = complete();
        r.heartActivity = UltrasoundReport::HeartActivity::Absent;
        QVERIFY(hasProblem(r, QStringLiteral("heart_rate_bpm")));
        r.heartRateBpm.reset();
        QVERIFY(UltrasoundReportValidator::problems(r).isEmpty());
        r = complete();
        r.placentaGrade = 3;
        QVERIFY(!hasProblem(r, QStringLiteral("placenta_grade")));
        r.placentaGrade = 4;
        QVERIFY(hasProblem(r, QStringLiteral("placenta_grade")));
        r = complete();
        r.afiCm = 50.1;
        QVERIFY(hasProblem(r, QStringLiteral("afi_cm")));
        r = complete();
        r.studyInstanceUid.clear();
        QVERIFY(hasProblem(r, QStringLiteral("study_uid")));
        // Unsigned in the store when refused.
        UltrasoundReportRepository repository(*m_db);
        r = complete();
        r.impression.clear();
        QVERIFY(repository.save(r));
        QCOMPARE(repository.sign(r, QStringLiteral("陈医生"), signingTime).error().code,
            QStringLiteral("usreport.no-impression"));
        QVERIFY(!repository.forStudy(r.studyInstanceUid)->first().isSigned());
        QVERIFY(repository.signedStudies()->isEmpty());
    }

    void validationMessagesGoThroughTheTranslator()
    {
        MarkingTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        UltrasoundReport r;
        const auto found = UltrasoundReportValidator::problems(r);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(found.size() >= 6);
        for (const auto &p : found)
            QVERIFY2(p.error.message.startsWith(QStringLiteral("译:")), qPrintable(p.error.message));
    }

    void signedStudiesListsOnlyReportedStudies()
    {
        UltrasoundReportRepository repository(*m_db);
        UltrasoundReport draft = complete();
        draft.studyInstanceUid = QStringLiteral("1.2.9");
        QVERIFY(repository.save(draft));
        UltrasoundReport r = complete();
        QVERIFY(repository.save(r));
        QVERIFY(repository.sign(r, QStringLiteral("陈医生"), signingTime));
        QCOMPARE(*repository.signedStudies(), QSet<QString> { r.studyInstanceUid });
    }

    void pdfIsOneA4PageWithTheWomanBiometryAndImpression()
    {
        UltrasoundReport r = complete();
        r.signedBy = QStringLiteral("陈医生");
        r.signedAt = signingTime;
        const QString path = QDir(m_clinic->path()).filePath(QStringLiteral("report.pdf"));
        QVERIFY(UltrasoundReportPdf::write(r,
            { QStringLiteral("Riverside Clinic"), QStringLiteral("Li Mei"), QStringLiteral("MRN-0042"),
                QStringLiteral("OB US") },
            path));
        QVERIFY(QFileInfo(path).size() > 1000);
        const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdfinfo.isEmpty() || pdftotext.isEmpty())
            QSKIP("poppler-utils (pdfinfo, pdftotext) is not installed; only the size was checked");
        QProcess info;
        info.start(pdfinfo, { path });
        QVERIFY(info.waitForFinished());
        const QString meta = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(meta.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(meta));
        QVERIFY2(meta.contains(QLatin1String("(A4)")), qPrintable(meta));
        QProcess text;
        text.start(pdftotext, { path, QStringLiteral("-") });
        QVERIFY(text.waitForFinished());
        const QString body = QString::fromUtf8(text.readAllStandardOutput());
        for (const QString &expected :
            { QStringLiteral("Riverside Clinic"), QStringLiteral("Li Mei"), QStringLiteral("(BPD)"),
                QStringLiteral("74.8 mm"), QStringLiteral("142 bpm"), QStringLiteral("1.2.826.0.1.7") })
            QVERIFY2(body.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + body));
    }
};

QTEST_MAIN(TestUltrasoundReport)
#include "tst_ultrasoundreport.moc"
