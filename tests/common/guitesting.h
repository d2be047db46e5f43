#pragma once

// What GUI tests share: screenshots to look at (OBSLINK_SCREENSHOT_DIR=dir) and modal dialogs
// driven once they open.
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QTimer>
#include <QWidget>

#include <functional>

inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OBSLINK_SCREENSHOT_DIR");
    QApplication::processEvents(); // pending layout (chips resized to their new label)
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// Runs `act` on the next modal dialog of type T once it is open (a dialog may open only after
// another one closed), then closes it if `act` left it open, so a failed check cannot hang.
template <typename T> void whenModal(std::function<void(T *)> act, int attemptsLeft = 200)
{
    QTimer::singleShot(10, [act, attemptsLeft] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (attemptsLeft > 0)
                whenModal<T>(act, attemptsLeft - 1);
            return;
        }
        act(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
}
