#pragma once

#include "commercestack.h"

namespace storedesk::test {

// The demo's people, as packaging/demo/start-stack.sh makes them, for tests of the desktop app.
struct DemoUser {
    const char* username;
    const char* secret;
};
inline constexpr DemoUser anna{"anna", "anna1234"};       // colleague, berlin-mitte
inline constexpr DemoUser lena{"lena", "4711"};           // colleague, hamburg-hafen
inline constexpr DemoUser claire{"claire", "claire1234"}; // colleague, berlin-mitte too here
inline constexpr DemoUser max{"max", "max12345"};         // manager of all three stores

// Starts the emulator, seeds it, creates the demo users and starts the server with `config`;
// false with stack.errorString() when any step fails. claire works in berlin-mitte here so that a
// user switch can be tested at one workstation.
inline bool startDemoStack(CommerceStack& stack,
                           const QJsonObject& config = CommerceStack::defaultConfig())
{
    const auto add = [&](DemoUser user, const char* role, const QStringList& stores) {
        return stack.addUser(QString::fromLatin1(user.username), QString::fromLatin1(user.secret),
                             {QString::fromLatin1(role)}, stores);
    };
    return stack.startEmulator() && stack.seed() && stack.startDatabase() &&
           add(anna, "colleague", {QStringLiteral("berlin-mitte")}) &&
           add(lena, "colleague", {QStringLiteral("hamburg-hafen")}) &&
           add(claire, "colleague", {QStringLiteral("berlin-mitte")}) &&
           add(max, "manager",
               {QStringLiteral("berlin-mitte"), QStringLiteral("hamburg-hafen"),
                QStringLiteral("paris-louvre")}) &&
           stack.startServer(CommerceStack::fullScopes(), config);
}

} // namespace storedesk::test
