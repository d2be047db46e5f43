#pragma once

#include "ctg/ctganalysis.h"

#include <QColor>
#include <QCoreApplication>

// The words and colors a clinician reads on the CTG screens, translated: FIGO classes, NICHD
// categories, event types and the short marks printed on the paper.
class CtgTerms
{
    Q_DECLARE_TR_FUNCTIONS(CtgTerms)
public:
    static QString figo(const QString &value); // "Pathological"
    static QString nichd(const QString &value); // "Category III"
    static QString event(const CtgEvent &event); // "Late deceleration"
    static QString mark(const CtgEvent &event); // "L", printed at the event on the paper
    // "Maternal heart rate (recorded channel)", listed and printed over a suspect stretch.
    static QString suspect(const CtgSuspectStretch &stretch);
    // Green, amber, red; grey when not classified. Shape differs too: callers put the word.
    static QColor figoColor(const QString &value);
    static QColor nichdColor(const QString &value);
};
