# The layering rules of ARCHITECTURE.md, checked on the built tree:
#  - core/ and server/ sources include no QtWidgets/QtGui header;
#  - storedesk_domain, storedesk_core and storedesk_server_lib do not link Qt6::Widgets, Qt6::Gui
#    or Qt6::PrintSupport;
#  - the storedesk-server binary loads none of libQt6Widgets, libQt6Gui, libQt6PrintSupport;
#  - the server's services (payments/, refunds/, orders/, services/) include nothing from routes/
#    or http/: they decide and report a ServiceFailure, and the routes translate HTTP.
# Run: cmake -DSOURCE_DIR=… -DSERVER_BINARY=… -DLINKS=<the targets' link libraries> -P check_layering.cmake
set(failures "")

foreach(layer core server)
    file(GLOB_RECURSE sources "${SOURCE_DIR}/${layer}/*.h" "${SOURCE_DIR}/${layer}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*<(QtWidgets|QtGui|QtPrintSupport|QWidget|QApplication|QGuiApplication|QDialog|QMainWindow|QMessageBox|QLabel|QPixmap|QImage|QIcon|QPrinter|QTextDocument)")
        if(includes)
            list(APPEND failures "${source}: ${includes}")
        endif()
    endforeach()
endforeach()

foreach(layer refunds orders services payments)
    file(GLOB_RECURSE sources "${SOURCE_DIR}/server/${layer}/*.h" "${SOURCE_DIR}/server/${layer}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"(routes|http)/")
        if(includes)
            list(APPEND failures "${source} includes from routes/ or http/: ${includes}")
        endif()
    endforeach()
endforeach()

if(LINKS MATCHES "Qt6::(Widgets|Gui|PrintSupport)")
    list(APPEND failures "a core or server target links Qt6::Widgets, Qt6::Gui or Qt6::PrintSupport: ${LINKS}")
endif()

execute_process(COMMAND ldd "${SERVER_BINARY}" OUTPUT_VARIABLE loaded RESULT_VARIABLE lddResult)
if(NOT lddResult EQUAL 0)
    list(APPEND failures "ldd failed on ${SERVER_BINARY}")
elseif(loaded MATCHES "libQt6(Widgets|Gui|PrintSupport)")
    list(APPEND failures "storedesk-server loads ${CMAKE_MATCH_0}")
elseif(NOT loaded MATCHES "libQt6Core")
    list(APPEND failures "ldd output does not look right: ${loaded}")
endif()

if(failures)
    list(JOIN failures "\n  " text)
    message(FATAL_ERROR "Layering violated:\n  ${text}")
endif()
message(STATUS "layering ok: core/ and server/ are free of widgets, the services of routes/ and http/")
