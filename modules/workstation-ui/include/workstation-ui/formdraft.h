#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>

class DraftStore;
class QWidget;

// Keeps what is typed into a form safe: every named input of the form is written to the
// DraftStore shortly after each change, and restored when the same form is opened again, so a
// crash or power cut loses nothing. The draft is discarded once the record is saved or the
// user deliberately cancels.
class FormDraft : public QObject
{
    Q_OBJECT
public:
    FormDraft(QWidget *form, DraftStore &store, QString key, QObject *parent = nullptr);

    bool restore(); // true if a draft was found and put back into the form
    void saveNow();
    void discard();
    // Asks whether to keep a draft of a form that has content; false if the user cancels closing.
    bool confirmClose(QWidget *dialog, bool hasContent);
    QJsonObject capture() const;
    void apply(const QJsonObject &fields);

signals:
    void saveFailed(const QString &message);

private:
    void watch();

    QWidget *m_form;
    DraftStore &m_store;
    QString m_key;
    QTimer m_debounce;
    bool m_applying = false;
};
