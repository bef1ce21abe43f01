#pragma once

#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace storedesk::test {

// The files under `folders` (recursively, hidden ones too) whose bytes contain `needle`.
inline QStringList filesContaining(const QStringList& folders, const QByteArray& needle)
{
    QStringList found;
    for (const QString& folder : folders) {
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                found << file.fileName();
        }
    }
    return found;
}

} // namespace storedesk::test
