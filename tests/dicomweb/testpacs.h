#pragma once

#include "dicomweb/pacsendpoint.h"

#include <QString>
#include <QTemporaryDir>

// A real regional PACS for one test: scripts/pacs.sh starts Orthanc (DICOMweb, authentication)
// and the nginx TLS proxy with a CA generated for the test, in a temporary folder on free
// loopback ports; stopped again by stop() or the destructor.
class TestPacs
{
public:
    enum class Started { Yes, Absent, Failed };

    TestPacs();
    ~TestPacs();

    // Absent: Orthanc, its DICOMweb plugin or nginx is not installed (the reason is in *why).
    Started start(QString *why);
    void stop();

    PacsEndpoint endpoint() const;
    QString caFile() const;
    QString directory() const { return m_dir.path(); }

    static int freeLoopbackPort();

private:
    QTemporaryDir m_dir;
    int m_httpsPort = 0;
    int m_httpPort = 0;
    QString m_password;
};

// In a test's initTestCase (QtTest included): starts the PACS, skips with the reason only when it is not
// installed, fails when it is installed but does not start.
#define OBSLINK_START_TEST_PACS(pacs)                                                                            \
    do {                                                                                                       \
        QString why_;                                                                                          \
        const TestPacs::Started started_ = (pacs).start(&why_);                                                \
        if (started_ == TestPacs::Started::Absent)                                                             \
            QSKIP(qPrintable(QStringLiteral("no PACS to test against: ") + why_));                             \
        QVERIFY2(started_ == TestPacs::Started::Yes, qPrintable(why_));                                        \
    } while (false)
