#include "common/translations.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace storedesk::ui {

bool installTranslations(QCoreApplication* application, const QLocale& locale)
{
    auto* qtTranslator = new QTranslator(application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    auto* translator = new QTranslator(application);
    if (!translator->load(locale, QStringLiteral("storedesk"), QStringLiteral("_"),
                          QStringLiteral(":/i18n"))) {
        delete translator;
        if (locale.language() != QLocale::English && locale.language() != QLocale::C)
            qCInfo(lcUi) << "no StoreDesk translation for" << locale.name() << "- using English";
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace storedesk::ui
