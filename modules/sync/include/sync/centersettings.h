#pragma once

#include "domain/result.h"
#include "sync/centerendpoint.h"

#include <QCoreApplication>
#include <QString>

// The workstation's link to the regional center: where it is, how to trust it, who signs in,
// how often to sync. Kept in the user's settings, or in the INI file named by
// OBSLINK_CENTER_CONFIG (the demo and managed installs). No password is stored: the refresh
// token lives in the system keychain; a managed install may name a password file instead.
struct CenterSettings
{
    QString url;
    QString caFile;
    QString publicKeySha256;
    QString username;
    QString passwordFile;
    int intervalSeconds = 120;

    bool isConfigured() const { return !url.isEmpty() && !username.isEmpty(); }

    static CenterSettings load();
    void save() const;
    // The endpoint, or a translated error saying what is missing or wrong.
    Result<CenterEndpoint> endpoint() const;
    // Keychain entries of this user at this center: her refresh token, and the slow hash that
    // lets her sign in while the center cannot be reached.
    QString tokenKey() const { return username + QLatin1Char('@') + url; }
    QString offlineVerifierKey() const { return QStringLiteral("offline:") + tokenKey(); }
    // Minutes without input before the workstation locks.
    int lockMinutes = 10;
    // The first line of passwordFile; empty when there is none.
    Result<QString> passwordFromFile() const;

    Q_DECLARE_TR_FUNCTIONS(CenterSettings)
};
