#pragma once

#include "referrals/referralrepository.h"
#include "storage/clinicdirectory.h"

#include <QWidget>

class QListWidget;
class QTableWidget;

// The Worklists tab's referral lists: referrals Incoming (sent to this clinic) and Outgoing (sent
// from it), consultations to answer and asked; each with how many wait for this clinic — to
// accept or decline, to record her arrival, to return the outcome, to close a declined or
// answered one; to give an opinion, to read one — and every request's status.
class ReferralWorklist : public QWidget
{
    Q_OBJECT
public:
    ReferralWorklist(ReferralRepository &repository, ClinicDirectory directory, QWidget *parent = nullptr);

    enum class List { Incoming, Outgoing, ConsultationsToAnswer, ConsultationsAsked };
    void showList(List list);
    const QList<ReferralListRow> &rows() const { return m_rows; }
    int waitingCount(List list) const { return m_waiting.value(int(list)); }
    // Whether the row waits for this clinic to take the next step.
    static bool waitsHere(List list, ReferralStatus status);

public slots:
    void refresh();

signals:
    void openReferral(const QUuid &patientId, const QUuid &referralId);
    void countsChanged(int waiting); // incoming and outgoing together
    void problem(const QString &message);

private:
    void fill();

    ReferralRepository &m_repository;
    ClinicDirectory m_directory;
    List m_list = List::Incoming;
    QList<ReferralListRow> m_rows;
    QList<int> m_waiting; // by List
    QListWidget *m_lists;
    QTableWidget *m_table;
};
