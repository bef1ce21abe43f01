#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace storedesk::app {

struct CommandLine {
    enum class Action { Run, ShowVersion, ShowHelp, Error };

    Action action = Action::Run;
    bool verbose = false;
    std::optional<QLocale> locale; // overrides the system's for this run
    QString helpText;
    QString errorText;

    // Parsed without a QApplication, so that --version and --help work with no display at all.
    static CommandLine parse(const QStringList& arguments);
};

} // namespace storedesk::app
