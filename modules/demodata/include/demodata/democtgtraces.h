#pragma once

#include "domain/result.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDate>
#include <QRandomGenerator>

class CtgTrace;

// Non-stress tests (NST) for the demo, so that the CTG tab, the viewer on its paper and the
// banner alert have something to show: one trace for each of the first women (by record
// number) who are 32 to 41 weeks pregnant today, recorded on a morning of the past two weeks.
// Most are reactive and normal; one in eight has a tachycardia (FIGO suspicious) and one in
// eight recurrent late decelerations with reduced variability (pathological, NICHD category
// II or III), which raises the banner alert. The same seed and date give the same traces and ids.
class DemoCtgTraces
{
    Q_DECLARE_TR_FUNCTIONS(DemoCtgTraces)
public:
    DemoCtgTraces(Database &database, quint32 seed, const QDate &today);

    // Adds up to `count` traces; how many were added.
    Result<int> add(int count);

private:
    CtgTrace nextTrace(int index);

    Database &m_database;
    QRandomGenerator m_random;
    QDate m_today;
};
