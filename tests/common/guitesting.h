#pragma once

// What GUI tests share: screenshots to look at (OBSLINK_SCREENSHOT_DIR=dir) and modal dialogs
// driven once they open.
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QTest>
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

// Answers the save dialog the next action opens with `path`.
inline void saveAs(const QString &path)
{
    whenModal<QFileDialog>([path](QFileDialog *dialog) {
        // The folder, then the name typed into the name field. Not selectFile(): it leaves the
        // field as it is while the field has the keyboard focus, and whether the dialog has
        // taken the focus yet depends on the machine's load — the dialog then saved under its
        // suggested name, and the test found no file.
        const QFileInfo file(path);
        dialog->setDirectory(file.absolutePath());
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY2(name, "the save dialog has no file name field");
        name->setText(file.fileName());
        static_cast<QDialog *>(dialog)->accept(); // what Save does
        QVERIFY2(!dialog->isVisible(), "the save dialog did not take the file name");
    });
}
