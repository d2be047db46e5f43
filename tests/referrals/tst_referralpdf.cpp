// The printed referral form (转诊单) and return slip (回执) in Chinese, read back from the PDF
// with pdftotext: her name and ID, both clinics, why she was referred, her grade and risk items,
// the attachments, the return slip's diagnosis and plan with who signed it; a slip asked for
// before the outcome came back is refused.
#include "i18n/translations.h"
#include "pdftext.h"
#include "referrals/referralpdf.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime Sent(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);

ReferralStep step(ReferralAction action, int minutes, const QString &clinic, const QString &author)
{
    ReferralStep s;
    s.id = QUuid::createUuid();
    s.action = action;
    s.clinicId = clinic;
    s.author = author;
    s.at = Sent.addSecs(minutes * 60);
    return s;
}
} // namespace

class TestReferralPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        if (pdftotextProgram().isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: scripts/install-deps.sh installs it");
    }

    void cleanupTestCase() { installTranslations(QLocale::c()); }

    void theFormAndTheSlipCarryWhatBothClinicsNeed()
    {
        Referral r;
        r.direction = ReferralDirection::Up;
        r.urgency = ReferralUrgency::Emergency;
        r.targetDepartment = QStringLiteral("产科");
        r.reason = QStringLiteral("血压160/110mmHg伴头痛");
        r.diagnosis = QStringLiteral("重度子痫前期");
        r.riskItems = { QStringLiteral("子痫前期") };
        r.summary = QStringLiteral("孕32周");
        ReferralAttachment trace;
        trace.kind = ReferralAttachmentKind::Ctg;
        trace.label = QStringLiteral("2026-12-01，40分钟");
        ReferralStep outcome = step(ReferralAction::ReturnOutcome, 300, QStringLiteral("center"), QStringLiteral("dr-zhou"));
        outcome.outcome = { QStringLiteral("重度子痫前期"), QStringLiteral("硫酸镁解痉"), QStringLiteral("34周终止妊娠"),
            QStringLiteral("产后回社区随访血压"), {} };
        const ReferralTimeline timeline = ReferralTimeline::of({ step(ReferralAction::Send, 0, QStringLiteral("clinic-a"), QStringLiteral("dr-wang")),
            step(ReferralAction::Accept, 5, QStringLiteral("center"), QStringLiteral("dr-zhou")),
            step(ReferralAction::Arrive, 60, QStringLiteral("center"), QStringLiteral("dr-zhou")), outcome });
        ReferralPdf::Parties parties;
        parties.woman.name = QStringLiteral("张雅静");
        parties.woman.nationalId = QStringLiteral("110101199403021234");
        parties.fromClinic = QStringLiteral("城东社区卫生服务中心");
        parties.toClinic = QStringLiteral("市妇幼保健院");
        parties.riskLabel = QStringLiteral("橙色");

        const QTemporaryDir dir;
        const QString formPath = dir.filePath(QStringLiteral("form.pdf"));
        QVERIFY(ReferralPdf::writeForm(r, { trace }, timeline, parties, formPath));
        QString size;
        const QString form = pdfText(formPath, &size);
        QVERIFY2(size.contains(QStringLiteral("595")), qPrintable(size)); // A4: 595 x 842 pt
        for (const QString &expected : { QStringLiteral("转诊单"), QStringLiteral("张雅静"), QStringLiteral("110101199403021234"),
                 QStringLiteral("城东社区卫生服务中心"), QStringLiteral("市妇幼保健院"), QStringLiteral("产科"), QStringLiteral("急诊"),
                 QStringLiteral("血压160/110mmHg伴头痛"), QStringLiteral("橙色"), QStringLiteral("子痫前期"), QStringLiteral("胎心监护"),
                 QStringLiteral("dr-wang") })
            QVERIFY2(form.contains(expected), qPrintable(expected + QStringLiteral(" missing in ") + form));

        const QString slipPath = dir.filePath(QStringLiteral("slip.pdf"));
        QVERIFY(ReferralPdf::writeReturnSlip(r, timeline, parties, slipPath));
        const QString slip = pdfText(slipPath);
        for (const QString &expected : { QStringLiteral("回执"), QStringLiteral("张雅静"), QStringLiteral("市妇幼保健院"),
                 QStringLiteral("硫酸镁解痉"), QStringLiteral("34周终止妊娠"), QStringLiteral("产后回社区随访血压"), QStringLiteral("dr-zhou") })
            QVERIFY2(slip.contains(expected), qPrintable(expected + QStringLiteral(" missing in ") + slip));

        const ReferralTimeline early = ReferralTimeline::of({ step(ReferralAction::Send, 0, QStringLiteral("clinic-a"), QStringLiteral("dr-wang")) });
        const auto refused = ReferralPdf::writeReturnSlip(r, early, parties, dir.filePath(QStringLiteral("early.pdf")));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("referral.no-outcome"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("early.pdf"))));
    }
};

QTEST_MAIN(TestReferralPdf)
#include "tst_referralpdf.moc"
