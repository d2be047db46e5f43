#pragma once

#include "cases/casefile.h"

#include <QTableWidget>

// The audit trail of a closed case: each amendment with when, who, which fields and why.
class AmendmentHistory : public QTableWidget
{
    Q_OBJECT
public:
    explicit AmendmentHistory(QWidget *parent = nullptr);
    void setAmendments(const QList<CaseAmendment> &amendments);
};
