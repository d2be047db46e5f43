#include "centeradmin.h"

#include "center/auditstore.h"
#include "center/centerdatabase.h"
#include "center/identitystore.h"
#include "credentials/passwordhasher.h"
#include "storage/transaction.h"

#include <QFile>

namespace {
QCommandLineOption initOption()
{
    return {QStringLiteral("init"), QCoreApplication::translate("CenterAdmin", "Create or upgrade the database schema, then exit.")};
}
QCommandLineOption addClinicOption()
{
    return {QStringLiteral("add-clinic"), QCoreApplication::translate("CenterAdmin", "Add a clinic with this id."), QStringLiteral("id")};
}
QCommandLineOption clinicNameOption()
{
    return {QStringLiteral("clinic-name"), QCoreApplication::translate("CenterAdmin", "Name of the clinic to add."), QStringLiteral("name")};
}
QCommandLineOption regionCenterOption()
{
    return {QStringLiteral("regional-center"), QCoreApplication::translate("CenterAdmin", "The added clinic is the regional center (its staff see the region).")};
}
QCommandLineOption addUserOption()
{
    return {QStringLiteral("add-user"), QCoreApplication::translate("CenterAdmin", "Add a user with this login name."), QStringLiteral("name")};
}
QCommandLineOption clinicOption()
{
    return {QStringLiteral("clinic"), QCoreApplication::translate("CenterAdmin", "The user's clinic id."), QStringLiteral("id")};
}
QCommandLineOption roleOption()
{
    return {QStringLiteral("role"), QCoreApplication::translate("CenterAdmin", "The user's role: %1.").arg(IdentityStore::roles().join(QStringLiteral(", "))),
            QStringLiteral("role")};
}
QCommandLineOption displayNameOption()
{
    return {QStringLiteral("display-name"), QCoreApplication::translate("CenterAdmin", "The user's full name."), QStringLiteral("name")};
}
QCommandLineOption passwordFileOption()
{
    return {QStringLiteral("password-file"),
            QCoreApplication::translate("CenterAdmin", "Read the new user's password from this file (first line), never from the command line."),
            QStringLiteral("file")};
}
QCommandLineOption keepPasswordOption()
{
    return {QStringLiteral("keep-password"),
            QCoreApplication::translate("CenterAdmin", "The added user's password is her own or a service account's: no change at the first sign-in.")};
}
QCommandLineOption resetPasswordOption()
{
    return {QStringLiteral("reset-password"),
            QCoreApplication::translate("CenterAdmin", "Give this user a temporary password (--password-file), to be changed at her next sign-in; her sessions end."),
            QStringLiteral("name")};
}
QCommandLineOption unlockOption()
{
    return {QStringLiteral("unlock-user"),
            QCoreApplication::translate("CenterAdmin", "Let this user try her password again at once from every computer."), QStringLiteral("name")};
}
QCommandLineOption demoOption()
{
    return {QStringLiteral("demo-region"),
            QCoreApplication::translate("CenterAdmin", "Add the demo region: the center and two clinics, with demo users (see README).")};
}
QCommandLineOption iterationsOption()
{
    return {QStringLiteral("hash-iterations"), QCoreApplication::translate("CenterAdmin", "PBKDF2 iterations for new passwords."),
            QStringLiteral("n"), QString::number(PasswordHasher::DefaultIterations)};
}
} // namespace

void CenterAdmin::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({initOption(), addClinicOption(), clinicNameOption(), regionCenterOption(), addUserOption(), clinicOption(),
                       roleOption(), displayNameOption(), passwordFileOption(), keepPasswordOption(), resetPasswordOption(),
                       unlockOption(), demoOption(), iterationsOption()});
}

bool CenterAdmin::wantsAdmin(const QCommandLineParser &parser)
{
    return parser.isSet(initOption()) || parser.isSet(addClinicOption()) || parser.isSet(addUserOption()) || parser.isSet(demoOption())
        || parser.isSet(resetPasswordOption()) || parser.isSet(unlockOption());
}

Result<QString> CenterAdmin::readPassword(const QCommandLineParser &parser)
{
    QFile file(parser.value(passwordFileOption()));
    if (!parser.isSet(passwordFileOption()) || !file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("admin.password"), tr("Give the password in a readable file with --password-file."));
    return QString::fromUtf8(file.readLine()).trimmed();
}

Result<QString> CenterAdmin::run(const QCommandLineParser &parser, CenterDatabase &database)
{
    QStringList done;
    if (parser.isSet(initOption())) {
        if (auto migrated = database.migrate(); !migrated)
            return tl::unexpected(migrated.error());
        done << tr("Database schema at version %1.").arg(database.schemaVersion());
    }
    if (database.schemaVersion() != CenterDatabase::latestVersion())
        return failure(QStringLiteral("admin.schema"), tr("The database schema is not current; run obslink-center --init first."));
    const int iterations = parser.value(iterationsOption()).toInt();
    if (iterations < 1000)
        return failure(QStringLiteral("admin.iterations"), tr("--hash-iterations must be at least 1000."));
    IdentityStore identities(database);
    if (parser.isSet(addClinicOption())) {
        const QString id = parser.value(addClinicOption());
        if (auto added = identities.addClinic(id, parser.value(clinicNameOption()), parser.isSet(regionCenterOption())); !added)
            return tl::unexpected(added.error());
        done << tr("Clinic %1 added.").arg(id);
    }
    if (parser.isSet(addUserOption())) {
        const auto password = readPassword(parser);
        if (!password)
            return tl::unexpected(password.error());
        const QString name = parser.value(addUserOption());
        const auto initial = parser.isSet(keepPasswordOption()) ? IdentityStore::InitialPassword::Kept
                                                                : IdentityStore::InitialPassword::ChangeAtFirstSignIn;
        if (auto added = identities.addUser(name, parser.value(clinicOption()), parser.value(roleOption()),
                                            parser.value(displayNameOption()), *password, iterations, initial);
            !added)
            return tl::unexpected(added.error());
        // Users and roles are part of who could see what: the center's own chain keeps who added whom.
        if (auto kept = auditUserChange(database, parser.value(clinicOption()),
                                        {{QStringLiteral("added"), name}, {QStringLiteral("role"), parser.value(roleOption())}});
            !kept)
            return tl::unexpected(kept.error());
        done << (initial == IdentityStore::InitialPassword::Kept ? tr("User %1 added.").arg(name)
                                                                 : tr("User %1 added; she chooses her own password at her first sign-in.").arg(name));
    }
    if (parser.isSet(resetPasswordOption())) {
        const auto password = readPassword(parser);
        if (!password)
            return tl::unexpected(password.error());
        const QString name = parser.value(resetPasswordOption());
        if (auto reset = identities.resetPassword(name, *password, iterations); !reset)
            return tl::unexpected(reset.error());
        if (auto kept = auditUserChange(database, {}, {{QStringLiteral("passwordReset"), name}}); !kept)
            return tl::unexpected(kept.error());
        done << tr("Temporary password set for %1; she chooses her own at her next sign-in.").arg(name);
    }
    if (parser.isSet(unlockOption())) {
        const QString name = parser.value(unlockOption());
        if (auto unlocked = identities.unlock(name); !unlocked)
            return tl::unexpected(unlocked.error());
        if (auto kept = auditUserChange(database, {}, {{QStringLiteral("unlocked"), name}}); !kept)
            return tl::unexpected(kept.error());
        done << tr("%1 may sign in again at once.").arg(name);
    }
    if (parser.isSet(demoOption())) {
        const auto demo = addDemoRegion(database, iterations);
        if (!demo)
            return demo;
        done << *demo;
    }
    return done.join(QLatin1Char('\n'));
}

Result<void> CenterAdmin::auditUserChange(CenterDatabase &database, const QString &clinicId, const QJsonObject &detail)
{
    const QString operatorName = QStringLiteral("operator:") + qEnvironmentVariable("USER", QStringLiteral("unknown"));
    return AuditStore(database.connection()).recordAtCenter(operatorName, clinicId, AuditAction::UserChanged, {}, detail).map([](auto &&) {});
}

Result<QString> CenterAdmin::addDemoRegion(CenterDatabase &database, int iterations)
{
    // Demo only: well-known passwords, documented in the README, for a region on one machine.
    IdentityStore identities(database);
    Transaction transaction(database.connection());
    struct DemoUser
    {
        const char *name;
        const char *clinic;
        const char *role;
        QString displayName;
    };
    const QList<std::tuple<const char *, QString, bool>> clinics{
        {"center", tr("Regional maternal and child health center"), true},
        {"clinic-a", tr("East district clinic"), false},
        {"clinic-b", tr("West district clinic"), false}};
    for (const auto &[id, name, isCenter] : clinics) {
        if (auto added = identities.addClinic(QString::fromLatin1(id), name, isCenter); !added)
            return tl::unexpected(added.error());
    }
    const QList<DemoUser> users{{"center-admin", "center", "center-admin", tr("Center administrator")},
                                {"dr-wang", "clinic-a", "obstetrician", tr("Dr Wang")},
                                {"nurse-li", "clinic-a", "nurse", tr("Nurse Li")},
                                {"dr-zhao", "clinic-b", "obstetrician", tr("Dr Zhao")},
                                {"us-chen", "center", "ultrasound-doctor", tr("Dr Chen (ultrasound)")},
                                {"health-platform", "center", "platform", tr("Regional health platform (FHIR, read-only)")}};
    for (const DemoUser &user : users) {
        if (auto added = identities.addUser(QString::fromLatin1(user.name), QString::fromLatin1(user.clinic), QString::fromLatin1(user.role),
                                            user.displayName, QStringLiteral("obslink-demo"), iterations,
                                            IdentityStore::InitialPassword::WellKnown);
            !added)
            return tl::unexpected(added.error());
    }
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    return tr("Demo region added: clinics center, clinic-a, clinic-b; users center-admin, dr-wang, nurse-li, dr-zhao, us-chen, health-platform "
              "(password obslink-demo).");
}
