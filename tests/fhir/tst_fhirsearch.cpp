#include "fhir/fhirbundle.h"
#include "fhir/fhiroutcome.h"
#include "fhir/fhirsearch.h"

#include <QJsonArray>
#include <QTest>

class tst_FhirSearch : public QObject
{
    Q_OBJECT
private slots:
    void cursorSurvivesItsLink()
    {
        const FhirPageCursor cursor { QStringLiteral("antenatal_visit"), QStringLiteral("0190-abc"), 2 };
        const auto decoded = FhirPageCursor::decode(cursor.encode());
        QVERIFY(decoded);
        QCOMPARE(decoded->table, cursor.table);
        QCOMPARE(decoded->recordId, cursor.recordId);
        QCOMPARE(decoded->skip, 2);
        QVERIFY(!FhirPageCursor::decode(QStringLiteral("%%%")));
        QVERIFY(!FhirPageCursor::decode(
            QString::fromLatin1(QByteArray("a\nb").toBase64(QByteArray::Base64UrlEncoding))));
    }

    void countIsCappedAndMustBePositive()
    {
        QCOMPARE(FhirSearch::parse(QStringLiteral("Observation"), QUrlQuery(QStringLiteral("_count=100000")))
                     ->count,
            FhirSearch::MaxCount);
        QCOMPARE(
            FhirSearch::parse(QStringLiteral("Observation"), QUrlQuery())->count, FhirSearch::DefaultCount);
        QCOMPARE(
            FhirSearch::parse(QStringLiteral("Observation"), QUrlQuery(QStringLiteral("_count=1")))->count,
            1);
        QVERIFY(!FhirSearch::parse(QStringLiteral("Observation"), QUrlQuery(QStringLiteral("_count=0"))));
        QVERIFY(!FhirSearch::parse(QStringLiteral("Observation"), QUrlQuery(QStringLiteral("_count=ten"))));
    }

    void identifierSplitsSystemAndValue()
    {
        const auto search = FhirSearch::parse(
            QStringLiteral("Patient"), QUrlQuery(QStringLiteral("identifier=https://x/sid%7C110105")));
        QVERIFY(search);
        QCOMPARE(search->identifierSystem, QStringLiteral("https://x/sid"));
        QCOMPARE(search->identifierValue, QStringLiteral("110105"));
        const auto bare
            = FhirSearch::parse(QStringLiteral("Patient"), QUrlQuery(QStringLiteral("identifier=110105")));
        QCOMPARE(bare->identifierSystem, QString());
        QCOMPARE(bare->identifierValue, QStringLiteral("110105"));
    }

    void patientReferenceAcceptsTypedAndBareIds()
    {
        QCOMPARE(FhirSearch::parse(
                     QStringLiteral("Observation"), QUrlQuery(QStringLiteral("patient=Patient/abc-1")))
                     ->patientKey,
            QStringLiteral("abc-1"));
        QCOMPARE(
            FhirSearch::parse(QStringLiteral("RiskAssessment"), QUrlQuery(QStringLiteral("subject=abc-1")))
                ->patientKey,
            QStringLiteral("abc-1"));
        QVERIFY(!FhirSearch::parse(
            QStringLiteral("Observation"), QUrlQuery(QStringLiteral("patient=Patient/a%20b"))));
    }

    void unsupportedParameterOrTypeIsRefusedNotIgnored()
    {
        const auto unknown
            = FhirSearch::parse(QStringLiteral("Observation"), QUrlQuery(QStringLiteral("code=718-7")));
        QVERIFY(!unknown);
        QCOMPARE(FhirOutcome::httpStatus(unknown.error()), 400);
        const auto provenance = FhirSearch::parse(QStringLiteral("Provenance"), QUrlQuery());
        QVERIFY(!provenance);
        QCOMPARE(provenance.error().code, QStringLiteral("fhir.not-supported"));
    }

    void nextQueryKeepsTheFiltersAndCarriesTheCursor()
    {
        auto search = FhirSearch::parse(
            QStringLiteral("Observation"), QUrlQuery(QStringLiteral("patient=p1&_count=7")));
        QVERIFY(search);
        const QUrlQuery next
            = search->nextQuery(FhirPageCursor { QStringLiteral("lab_result"), QStringLiteral("r9"), 0 });
        const auto again = FhirSearch::parse(QStringLiteral("Observation"), next);
        QVERIFY(again);
        QCOMPARE(again->patientKey, QStringLiteral("p1"));
        QCOMPARE(again->count, 7);
        QCOMPARE(again->cursor->recordId, QStringLiteral("r9"));
    }

    void outcomeCarriesTheIssueAndStatus()
    {
        const Error forbidden { QStringLiteral("fhir.forbidden"), QStringLiteral("no") };
        QCOMPARE(FhirOutcome::httpStatus(forbidden), 403);
        const QJsonObject outcome = FhirOutcome::operationOutcome(forbidden);
        QCOMPARE(outcome[QStringLiteral("resourceType")].toString(), QStringLiteral("OperationOutcome"));
        QCOMPARE(outcome[QStringLiteral("issue")].toArray().first()[QStringLiteral("code")].toString(),
            QStringLiteral("forbidden"));
        QCOMPARE(FhirOutcome::httpStatus({ QStringLiteral("auth.expired"), {} }), 401);
        QCOMPARE(FhirOutcome::httpStatus({ QStringLiteral("fhir.not-found"), {} }), 404);
        QCOMPARE(FhirOutcome::httpStatus({ QStringLiteral("sql.failed"), {} }), 503);
    }

    void searchsetHasNextLinkOnlyWhenThereIsMore()
    {
        const QList<QJsonObject> resources { { { QStringLiteral("resourceType"), QStringLiteral("Patient") },
            { QStringLiteral("id"), QStringLiteral("p1") } } };
        const QJsonObject last = FhirBundle::searchset(
            resources, QStringLiteral("https://c/fhir"), QStringLiteral("https://c/fhir/Patient"), {});
        QCOMPARE(last[QStringLiteral("link")].toArray().size(), 1);
        QCOMPARE(last[QStringLiteral("entry")].toArray().first()[QStringLiteral("fullUrl")].toString(),
            QStringLiteral("https://c/fhir/Patient/p1"));
        const QJsonObject more = FhirBundle::searchset(
            resources, QStringLiteral("https://c/fhir"), QStringLiteral("s"), QStringLiteral("n"));
        QCOMPARE(more[QStringLiteral("link")].toArray().at(1)[QStringLiteral("relation")].toString(),
            QStringLiteral("next"));
        QVERIFY(!FhirBundle::searchset({}, QStringLiteral("b"), QStringLiteral("s"), {})
                     .contains(QStringLiteral("entry")));
    }
};

QTEST_GUILESS_MAIN(tst_FhirSearch)
#include "tst_fhirsearch.moc"
