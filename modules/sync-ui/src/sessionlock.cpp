#include "sync-ui/sessionlock.h"

#include "credentials/passwordhasher.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SessionLock::SessionLock(
    QWidget *window, QString username, QString passwordVerifier, std::chrono::milliseconds idle)
    : QObject(window)
    , m_window(window)
    , m_username(std::move(username))
    , m_verifier(std::move(passwordVerifier))
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idle);
    connect(&m_idle, &QTimer::timeout, this, &SessionLock::lock);
    qApp->installEventFilter(this);
    m_idle.start();
}

bool SessionLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
    case QEvent::Shortcut:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
        if (!isLocked()) {
            m_idle.start();
            return false;
        }
        // While locked only the lock panel takes input.
        if (auto *widget = qobject_cast<QWidget *>(watched);
            widget && (widget == m_panel || m_panel->isAncestorOf(widget)))
            return false;
        return true;
    case QEvent::Resize:
        if (watched == m_window && m_panel)
            m_panel->setGeometry(m_window->rect());
        return false;
    default:
        return false;
    }
}

void SessionLock::lock()
{
    if (isLocked())
        return;
    m_panel = new QWidget(m_window);
    m_panel->setObjectName(QStringLiteral("sessionLock"));
    m_panel->setAutoFillBackground(true);
    m_panel->setStyleSheet(QStringLiteral("#sessionLock { background: #263238; } QLabel { color: white; }"));
    auto *title = new QLabel(tr("ObsLink is locked"), m_panel);
    title->setStyleSheet(QStringLiteral("font-size: 22px; font-weight: bold;"));
    auto *who = new QLabel(tr("Locked after a time without use, to keep patient records private. %1, enter "
                              "your password to go on.")
                               .arg(m_username),
        m_panel);
    who->setWordWrap(true);
    m_password = new QLineEdit(m_panel);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setFixedWidth(320);
    m_password->setPlaceholderText(tr("Password"));
    m_message = new QLabel(m_panel);
    m_message->setStyleSheet(QStringLiteral("color: #ffab91;"));
    auto *unlockButton = new QPushButton(tr("Unlock"), m_panel);
    auto *layout = new QVBoxLayout(m_panel);
    layout->addStretch();
    for (QWidget *widget :
        { static_cast<QWidget *>(title), static_cast<QWidget *>(who), static_cast<QWidget *>(m_password),
            static_cast<QWidget *>(m_message), static_cast<QWidget *>(unlockButton) })
        layout->addWidget(widget, 0, Qt::AlignHCenter);
    layout->addStretch();
    // A fixed width lets the wrapped text take the lines it needs.
    who->setFixedWidth(520);
    who->setAlignment(Qt::AlignCenter);
    who->setMinimumHeight(who->heightForWidth(520));
    connect(unlockButton, &QPushButton::clicked, this, [this] { unlock(m_password->text()); });
    connect(m_password, &QLineEdit::returnPressed, this, [this] { unlock(m_password->text()); });
    m_panel->setGeometry(m_window->rect());
    m_panel->show();
    m_panel->raise();
    m_password->setFocus();
    emit lockedChanged(true);
}

bool SessionLock::unlock(const QString &password)
{
    if (!isLocked())
        return true;
    if (!PasswordHasher::verify(password, m_verifier)) {
        m_message->setText(tr("The password is not right."));
        m_password->clear();
        emit unlockFailed();
        return false;
    }
    m_panel->deleteLater();
    m_panel = nullptr;
    m_password = nullptr;
    m_message = nullptr;
    m_idle.start();
    emit lockedChanged(false);
    return true;
}
