# CPack: `cpack -G DEB` (one package a component: storedesk, storedesk-server) and `cpack -G TGZ`
# (both, as a relocatable tree) on Linux; `cpack -G WIX` on Windows and `cpack -G DragNDrop` on
# macOS (the app only, with its Qt deployed). Run from the build folder.
set(CPACK_PACKAGE_NAME storedesk)
set(CPACK_PACKAGE_VENDOR StoreDesk)
set(CPACK_PACKAGE_CONTACT "StoreDesk Engineering <dev@storedesk.example.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY StoreDesk)
set(CPACK_PACKAGE_EXECUTABLES storedesk StoreDesk) # the Start-menu shortcut in the MSI
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL app server)
set(CPACK_COMPONENT_APP_DISPLAY_NAME StoreDesk)
set(CPACK_COMPONENT_APP_DESCRIPTION "Point-of-sale app for store colleagues
StoreDesk looks up customers' carts, takes payments (cash, card terminal, split tender) and
refunds orders, talking only to the retailer's integration server.")
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "StoreDesk integration server")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "StoreDesk integration server (commercetools)
storedesk-server fronts commercetools for the StoreDesk app: users and sessions, stores, carts,
payments, orders and refunds. Runs as the systemd service storedesk-server.")
# Which components go into which kind of package is decided per generator.
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_SOURCE_DIR}/cpack-generators.cmake)

# DEB: dependencies from dpkg-shlibdeps, plus what is loaded at run time as plugins.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_APP_PACKAGE_NAME storedesk)
set(CPACK_DEBIAN_APP_PACKAGE_SECTION misc)
# libqt6printsupport6: receipts (the library, and the CUPS plugin it loads to find printers).
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libqt6printsupport6")
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME storedesk-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_SOURCE_DIR}/linux/postinst
    ${CMAKE_CURRENT_SOURCE_DIR}/linux/prerm
    ${CMAKE_CURRENT_SOURCE_DIR}/linux/postrm
    ${CMAKE_CURRENT_SOURCE_DIR}/linux/conffiles)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

include(CPack)
