# What every platform installs: the two executables, each in its own component.
install(TARGETS storedesk
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT app
    BUNDLE DESTINATION . COMPONENT app)
install(TARGETS storedesk-server
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)

# StoreDesk's own translations are compiled into the binary (:/i18n, see translations/), so there
# are no .qm files to install; Qt's own (qtbase_*.qm) come from Qt's installation or the bundle.

# Windows and macOS bundles carry their Qt: windeployqt / macdeployqt through Qt's deploy script.
# Qt 6.4 has none for Linux, where the AppDir script does that job and the DEB uses Debian's Qt.
if(WIN32 OR APPLE)
    qt_generate_deploy_app_script(TARGET storedesk
        FILENAME_VARIABLE storedesk_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${storedesk_deploy_script} COMPONENT app)
endif()
