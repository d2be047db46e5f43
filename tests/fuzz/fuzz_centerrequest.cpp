// The center's request handling (CenterApi, the same code the HTTPS server calls) on hostile
// requests: any method, path, query, Authorization and body, from a caller without a token or
// signed in as a nurse, a clinic administrator or the center's administrator. The center must
// answer each with a status, never crash; its database persists across inputs, as in service.
#include "center/attachmentstore.h"
#include "center/centerapi.h"
#include "center/centerdatabase.h"
#include "center/identitystore.h"
#include "center/recordstore.h"
#include "fuzzinput.h"

#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace {
const QString Password = QStringLiteral("Fuzz-password-1");

struct Center
{
    std::unique_ptr<CenterDatabase> database;
    std::unique_ptr<IdentityStore> identities;
    std::unique_ptr<RecordStore> records;
    std::unique_ptr<AttachmentStore> attachments;
    std::unique_ptr<CenterApi> api;
};

Center &center()
{
    static Center instance = [] {
        Center c;
        auto database = CenterDatabase::open(FuzzInput::scratchPath(QStringLiteral("center.db")));
        if (!database || !(*database)->migrate()) {
            std::fprintf(stderr, "cannot create the center database\n");
            std::abort();
        }
        c.database = std::move(*database);
        c.identities = std::make_unique<IdentityStore>(*c.database);
        c.records = std::make_unique<RecordStore>(*c.database);
        c.attachments = std::make_unique<AttachmentStore>(*c.database);
        c.api = std::make_unique<CenterApi>(*c.database, *c.identities, *c.records, *c.attachments);
        c.identities->addClinic(QStringLiteral("center"), QStringLiteral("Center"), true);
        c.identities->addClinic(QStringLiteral("clinic-a"), QStringLiteral("Clinic A"), false);
        const QStringList users[] = { { QStringLiteral("nurse"), QStringLiteral("clinic-a"), QStringLiteral("nurse") },
            { QStringLiteral("admin"), QStringLiteral("clinic-a"), QStringLiteral("clinic-admin") },
            { QStringLiteral("regional"), QStringLiteral("center"), QStringLiteral("center-admin") } };
        for (const QStringList &user : users)
            c.identities->addUser(user[0], user[1], user[2], user[0], Password, 1000, IdentityStore::InitialPassword::Kept);
        return c;
    }();
    return instance;
}

// A valid access token of `username`, issued again when an input signed her out.
QByteArray bearerOf(const QString &username)
{
    static QHash<QString, QString> tokens;
    Center &c = center();
    QString &token = tokens[username];
    if (token.isEmpty() || !c.identities->authenticate(token)) {
        const auto issued = c.identities->login(username, Password, QStringLiteral("fuzz-device"));
        token = issued ? issued->accessToken : QString();
    }
    return "Bearer " + token.toUtf8();
}
} // namespace

// Input: method, path, query, caller ("nurse", "admin", "regional", or else the Authorization
// header itself) and body, separated by NULs.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto fields = FuzzInput::fields(data, size, 5);
    ApiRequest request;
    request.method = fields[0];
    request.path = QString::fromUtf8(fields[1]);
    request.query = QUrlQuery(QString::fromUtf8(fields[2]));
    const QString caller = QString::fromUtf8(fields[3]);
    request.authorization = caller == QLatin1String("nurse") || caller == QLatin1String("admin")
            || caller == QLatin1String("regional")
        ? bearerOf(caller)
        : fields[3];
    request.body = fields[4];
    request.baseUrl = QStringLiteral("https://127.0.0.1:8443");
    const ApiResponse response = center().api->handle(request);
    if (response.status < 200 || response.status > 599)
        __builtin_trap();
    return 0;
}
