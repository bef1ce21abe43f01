# Regenerates docs/screenshots/ from the layout audit's gallery (issue 14):
#   cmake --build build/dev --target screenshots
# runs the tst_layoutaudit_gallery_* tests (every screen under Xvfb, en and de, 1024x768 and
# 1920x1080, into build/dev/tests/screenshots/) and copies the main screens below to
# docs/screenshots/<name>-<language>-<size>.png under fixed names, which the README shows.
# Script mode: cmake -DCTEST=… -DBUILD_DIR=… -DGALLERY=… -DDOCS=… -P screenshots.cmake
cmake_minimum_required(VERSION 3.21) # file(COPY_FILE), IN_LIST

# <doc name>|<the gallery's screen names that may show it, comma-separated, first found wins>
set(main_screens
    "style|style-sampler"
    "first-start|not-set-up"
    "login|login,login-empty"
    "lock|lock,lock-own-user"
    "workspace|counter-3-lines,workspace-3-lines,workspace*"
    "change-due|payment-change-due,change-due,cash-change-due,*change-due*"
    "card-in-progress|payment-card-in-progress,card-in-progress,*card-in-progress*,*card-progress*"
    "refund|refund-order-lines,refund-looked-up,refund-order-looked-up,refund-*lines*,refund*"
    "receipt|receipt-after-sale,receipt,receipt*"
    "till-open|till-open-counted"
    "till-not-open|till-status-closed-not-open-bar"
    "till-close-blind|till-close-blind"
    "till-close-approval|till-close-approval"
    "till-z-report|till-z-report"
    "till-z-report-copy|till-z-report-copy"
    "till-x-report|till-x-report"
    "till-sessions|till-sessions"
    "till-expected-float|till-expected-float"
    "setup-hardware|setup-hardware"
    "print-problem|till-status-print-problem"
    "customer-display-cart|customer-display-cart-many-lines"
    "customer-display-thank-you|customer-display-thank-you")
# Which languages and sizes of each go into the docs; the high-contrast theme for a few.
set(shots "en-1024x768" "de-1024x768" "en-1920x1080")
set(high_contrast_screens "style" "first-start" "workspace" "change-due")

execute_process(COMMAND ${CTEST} --test-dir ${BUILD_DIR} -R "^tst_layoutaudit_gallery_"
                        --output-on-failure
                RESULT_VARIABLE gallery_result)
if(NOT gallery_result EQUAL 0)
    message(WARNING "The gallery run reported layout problems (see above); the pictures are "
                    "copied all the same, but look at them before committing.")
endif()

file(MAKE_DIRECTORY ${DOCS})
set(missing "")
foreach(entry IN LISTS main_screens)
    string(REPLACE "|" ";" parts "${entry}")
    string(REPLACE "," ";" parts "${parts}")
    list(GET parts 0 doc_name)
    list(REMOVE_AT parts 0)
    set(entry_shots ${shots})
    if(doc_name IN_LIST high_contrast_screens)
        list(APPEND entry_shots "en-1024x768-high-contrast")
    endif()
    foreach(shot IN LISTS entry_shots)
        set(found "")
        foreach(candidate IN LISTS parts)
            file(GLOB matches "${GALLERY}/${candidate}-${shot}.png")
            list(SORT matches)
            if(matches)
                list(GET matches 0 found)
                break()
            endif()
        endforeach()
        if(found)
            file(COPY_FILE "${found}" "${DOCS}/${doc_name}-${shot}.png" ONLY_IF_DIFFERENT)
            get_filename_component(source_name "${found}" NAME)
            message(STATUS "${doc_name}-${shot}.png  <-  ${source_name}")
        else()
            list(APPEND missing "${doc_name}-${shot}")
        endif()
    endforeach()
endforeach()
if(missing)
    message(WARNING "No gallery picture for: ${missing} (a screen of that name is not listed in "
                    "tests/gui/audit/ yet, or its row failed to open)")
endif()
