# Linux: desktop integration for the app; a systemd service with its configuration templates for
# the server; the AppDir target.
set(linux_dir ${CMAKE_CURRENT_SOURCE_DIR}/linux)
set(app_id org.storedesk.StoreDesk)

install(FILES ${PROJECT_SOURCE_DIR}/resources/${app_id}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT app)
install(FILES ${PROJECT_SOURCE_DIR}/resources/${app_id}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT app)
install(FILES ${STOREDESK_ICON_SVG} RENAME ${app_id}.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT app)
foreach(size IN LISTS STOREDESK_ICON_SIZES)
    install(FILES ${STOREDESK_ICON_DIR}/${size}.png RENAME ${app_id}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps COMPONENT app)
endforeach()
install(FILES ${linux_dir}/storedesk.conf.example
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/storedesk/examples COMPONENT app)

# The server as a service. The unit and the sysusers entry go below the prefix (/usr/lib/… in the
# DEB); the service's configuration goes to /etc when the prefix is /usr, as GNUInstallDirs has it.
install(FILES ${linux_dir}/storedesk-server.service
    DESTINATION lib/systemd/system COMPONENT server)
install(FILES ${linux_dir}/sysusers.conf RENAME storedesk-server.conf
    DESTINATION lib/sysusers.d COMPONENT server)
# Decided at install time, not configure time: CPack's DEB stage installs with prefix /usr (so
# /etc), while an archive or a user's --prefix must never reach the real /etc. (file(INSTALL)
# adds $DESTDIR itself.)
install(CODE "
    if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
        set(storedesk_etc \"/etc/storedesk\")
    else()
        set(storedesk_etc \"\${CMAKE_INSTALL_PREFIX}/etc/storedesk\")
    endif()
    # The environment file holds the API client secret: root only.
    file(INSTALL \"${linux_dir}/server.env\" DESTINATION \"\${storedesk_etc}\"
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE)
    file(INSTALL \"${linux_dir}/server.json\" DESTINATION \"\${storedesk_etc}\"
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    " COMPONENT server)

# `cmake --build … --target appdir`: build/StoreDesk.AppDir (and the .AppImage with appimagetool).
# The libraries named here are ones the app will load that its binary does not link yet (the
# linker drops what is unused), and libsecret, which QtKeychain opens at run time: the AppDir
# carries them all the same.
find_library(STOREDESK_LIBSECRET NAMES libsecret-1.so.0 secret-1)
set(appdir_arguments
    --build ${PROJECT_BINARY_DIR}
    --qt-plugins ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_PLUGINS}
    --qt-translations ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_TRANSLATIONS}
    --library $<TARGET_FILE:Qt6::Network>
    --library $<TARGET_FILE:Qt6::Svg>
    --library $<TARGET_FILE:Qt6::PrintSupport>
    --library $<TARGET_FILE:Qt6Keychain::Qt6Keychain>)
if(STOREDESK_LIBSECRET)
    list(APPEND appdir_arguments --library ${STOREDESK_LIBSECRET})
else()
    message(WARNING "libsecret-1 (Debian: libsecret-1-0) not found: an AppDir would have no keychain")
endif()
# The AppDir test assembles its own with the same arguments.
set_property(GLOBAL PROPERTY STOREDESK_APPDIR_ARGUMENTS ${appdir_arguments})
find_program(STOREDESK_APPIMAGETOOL appimagetool)
set(appdir_command ${linux_dir}/make-appdir.sh ${appdir_arguments}
    --appdir ${PROJECT_BINARY_DIR}/StoreDesk.AppDir)
if(STOREDESK_APPIMAGETOOL)
    list(APPEND appdir_command
        --appimage ${PROJECT_BINARY_DIR}/StoreDesk-${PROJECT_VERSION}-x86_64.AppImage)
endif()
add_custom_target(appdir COMMAND ${appdir_command}
    COMMENT "Assembling the StoreDesk AppDir"
    VERBATIM USES_TERMINAL)
add_dependencies(appdir storedesk storedesk_icon_images)
