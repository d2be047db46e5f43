#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>
#include <QUrlQuery>

#include <optional>

// Where a page of a search starts: the source record (ordered by table, then record id — the
// primary key, which no edit changes) and how many of that record's resources the previous page
// already returned. Paging by this key instead of an offset returns every resource exactly once
// even while records are added, and costs the same on the last page as on the first.
struct FhirPageCursor
{
    QString table;
    QString recordId;
    int skip = 0;

    QString encode() const;
    static std::optional<FhirPageCursor> decode(const QString &token);
};

// A search as GET /fhir/<Type>?… asks it (docs/fhir.md, Search): _id, patient / subject
// (Patient/ID or ID), identifier (system|value or value) on Patient, _count (default 50, at
// most 500) and _page, the opaque cursor of a next link. Anything else is refused rather than
// ignored, so that a caller never mistakes an unfiltered result for a filtered one.
struct FhirSearch
{
    Q_DECLARE_TR_FUNCTIONS(FhirSearch)
public:
    static constexpr int DefaultCount = 50;
    static constexpr int MaxCount = 500;

    QString resourceType;
    QString id; // _id, or the id of a read
    QString patientKey; // patient / subject
    QString identifierSystem; // identifier=system|value
    QString identifierValue;
    int count = DefaultCount;
    std::optional<FhirPageCursor> cursor;

    static Result<FhirSearch> parse(const QString &resourceType, const QUrlQuery &query);
    // The query of the page after this one, starting at `next`.
    QUrlQuery nextQuery(const FhirPageCursor &next) const;
    QUrlQuery selfQuery() const;
};
