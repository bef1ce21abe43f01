# macOS: the app bundle's Info.plist (bundle id org.storedesk.StoreDesk) and icon, and the DMG
# (CPack DragNDrop). The .icns is made at build time from the SVG with iconutil.
set(storedesk_iconset ${STOREDESK_ICON_DIR}/storedesk.iconset)
set(storedesk_icns ${STOREDESK_ICON_DIR}/storedesk.icns)
add_custom_command(OUTPUT ${storedesk_icns}
    COMMAND storedesk-iconrender iconset ${STOREDESK_ICON_SVG} ${storedesk_iconset}
    COMMAND iconutil -c icns -o ${storedesk_icns} ${storedesk_iconset}
    DEPENDS storedesk-iconrender ${STOREDESK_ICON_SVG}
    VERBATIM)
target_sources(storedesk PRIVATE ${storedesk_icns})
set_source_files_properties(${storedesk_icns} DIRECTORY ${PROJECT_SOURCE_DIR}/app
    PROPERTIES MACOSX_PACKAGE_LOCATION Resources GENERATED TRUE)
set_target_properties(storedesk PROPERTIES
    OUTPUT_NAME StoreDesk
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER org.storedesk.StoreDesk
    MACOSX_BUNDLE_BUNDLE_NAME StoreDesk
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE storedesk.icns
    MACOSX_BUNDLE_COPYRIGHT "StoreDesk")

set(CPACK_DMG_VOLUME_NAME StoreDesk)
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_ICON ${storedesk_icns})
