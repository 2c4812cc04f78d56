<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Written by hand, not by lupdate: English needs no translation except the plural forms of
     the messages that carry a count (%n). Qt's own convention: the source string says
     "%n error(s)", this catalogue says "1 error" / "2 errors". Every %n message of
     matrixdesk_zh_CN.ts must be here too (tests/ui/test_i18n.py checks it). -->
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n measure(s) have no responsible department (marked in red). Go back to add the annotation, or assign departments after creating the plan.</source>
        <translation>
            <numerusform>%n measure has no responsible department (marked in red). Go back to add the annotation, or assign departments after creating the plan.</numerusform>
            <numerusform>%n measures have no responsible department (marked in red). Go back to add the annotation, or assign departments after creating the plan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportNotesPanel</name>
    <message numerus="yes">
        <source>%n bracket(s) read like an annotation but name no department the program recognises, so they were left out:</source>
        <translation>
            <numerusform>%n bracket reads like an annotation but names no department the program recognises, so it was left out:</numerusform>
            <numerusform>%n brackets read like an annotation but name no department the program recognises, so they were left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) in annotations are not department names and were left out:</source>
        <translation>
            <numerusform>%n word in annotations is not a department name and was left out:</numerusform>
            <numerusform>%n words in annotations are not department names and were left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of names may be spellings of one department. Merge a pair to count it once (the other name is kept as an alias):</source>
        <translation>
            <numerusform>%n pair of names may be spellings of one department. Merge it to count it once (the other name is kept as an alias):</numerusform>
            <numerusform>%n pairs of names may be spellings of one department. Merge a pair to count it once (the other name is kept as an alias):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatrixEditor</name>
    <message numerus="yes">
        <source>Copied %n row(s)</source>
        <translation>
            <numerusform>Copied %n row</numerusform>
            <numerusform>Copied %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n row(s)</source>
        <translation>
            <numerusform>Paste %n row</numerusform>
            <numerusform>Paste %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message numerus="yes">
        <source>Change %n cell(s)</source>
        <translation>
            <numerusform>Change %n cell</numerusform>
            <numerusform>Change %n cells</numerusform>
        </translation>
    </message>
</context>
</TS>
