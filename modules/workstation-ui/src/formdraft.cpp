#include "workstation-ui/formdraft.h"

#include "storage/draftstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace {
// Only inputs with an object name belong to the draft; the name is the field key.
template <typename Widget>
QList<Widget *> namedChildren(QWidget *form)
{
    QList<Widget *> named;
    for (Widget *w : form->findChildren<Widget *>())
        if (!w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
            named.append(w);
    return named;
}
} // namespace

FormDraft::FormDraft(QWidget *form, DraftStore &store, QString key, QObject *parent)
    : QObject(parent), m_form(form), m_store(store), m_key(std::move(key))
{
    // Short enough that at most a word is at risk, long enough not to write on every key.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &FormDraft::saveNow);
    watch();
}

void FormDraft::watch()
{
    auto changed = [this] {
        if (!m_applying)
            m_debounce.start();
    };
    for (auto *w : namedChildren<QLineEdit>(m_form))
        connect(w, &QLineEdit::textEdited, this, changed);
    for (auto *w : namedChildren<QPlainTextEdit>(m_form))
        connect(w, &QPlainTextEdit::textChanged, this, changed);
    for (auto *w : namedChildren<QAbstractSpinBox>(m_form))
        connect(w, &QAbstractSpinBox::editingFinished, this, changed);
    for (auto *w : namedChildren<QSpinBox>(m_form))
        connect(w, &QSpinBox::valueChanged, this, changed);
    for (auto *w : namedChildren<QDateEdit>(m_form))
        connect(w, &QDateEdit::dateChanged, this, changed);
    for (auto *w : namedChildren<QComboBox>(m_form))
        connect(w, &QComboBox::currentIndexChanged, this, changed);
    for (auto *w : namedChildren<QCheckBox>(m_form))
        connect(w, &QCheckBox::toggled, this, changed);
    for (auto *w : namedChildren<QGroupBox>(m_form))
        connect(w, &QGroupBox::toggled, this, changed);
}

QJsonObject FormDraft::capture() const
{
    QJsonObject fields;
    for (auto *w : namedChildren<QLineEdit>(m_form))
        if (!qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
            fields.insert(w->objectName(), w->text());
    for (auto *w : namedChildren<QPlainTextEdit>(m_form))
        fields.insert(w->objectName(), w->toPlainText());
    for (auto *w : namedChildren<QSpinBox>(m_form))
        fields.insert(w->objectName(), w->value());
    for (auto *w : namedChildren<QDateEdit>(m_form))
        fields.insert(w->objectName(), w->date().toString(Qt::ISODate));
    for (auto *w : namedChildren<QComboBox>(m_form))
        fields.insert(w->objectName(), w->currentIndex());
    for (auto *w : namedChildren<QCheckBox>(m_form))
        fields.insert(w->objectName(), w->isChecked());
    for (auto *w : namedChildren<QGroupBox>(m_form))
        if (w->isCheckable())
            fields.insert(w->objectName(), w->isChecked());
    return fields;
}

void FormDraft::apply(const QJsonObject &fields)
{
    m_applying = true;
    for (auto *w : namedChildren<QGroupBox>(m_form))
        if (w->isCheckable() && fields.contains(w->objectName()))
            w->setChecked(fields.value(w->objectName()).toBool());
    for (auto *w : namedChildren<QCheckBox>(m_form))
        if (fields.contains(w->objectName()))
            w->setChecked(fields.value(w->objectName()).toBool());
    for (auto *w : namedChildren<QComboBox>(m_form))
        if (fields.contains(w->objectName()))
            w->setCurrentIndex(fields.value(w->objectName()).toInt());
    for (auto *w : namedChildren<QSpinBox>(m_form))
        if (fields.contains(w->objectName()))
            w->setValue(fields.value(w->objectName()).toInt());
    for (auto *w : namedChildren<QDateEdit>(m_form))
        if (fields.contains(w->objectName()))
            w->setDate(QDate::fromString(fields.value(w->objectName()).toString(), Qt::ISODate));
    for (auto *w : namedChildren<QLineEdit>(m_form))
        if (fields.contains(w->objectName()))
            w->setText(fields.value(w->objectName()).toString());
    for (auto *w : namedChildren<QPlainTextEdit>(m_form))
        if (fields.contains(w->objectName()))
            w->setPlainText(fields.value(w->objectName()).toString());
    m_applying = false;
}

bool FormDraft::restore()
{
    auto draft = m_store.load(m_key);
    if (!draft || !*draft)
        return false;
    apply(**draft);
    return true;
}

void FormDraft::saveNow()
{
    m_debounce.stop();
    if (auto saved = m_store.save(m_key, capture()); !saved)
        emit saveFailed(saved.error().message);
}

void FormDraft::discard()
{
    m_debounce.stop();
    m_store.discard(m_key);
}

bool FormDraft::confirmClose(QWidget *dialog, bool hasContent)
{
    if (!hasContent) {
        discard();
        return true;
    }
    const auto answer = QMessageBox::question(dialog, tr("Close the form"), tr("Keep what you typed as a draft for next time?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        discard();
    else
        saveNow();
    return true;
}
