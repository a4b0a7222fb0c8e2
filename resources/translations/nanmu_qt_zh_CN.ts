<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own dialogs: the strings qtbase_zh_CN.qm (Qt 6) leaves in English. Loaded after Qt's
     translations (nanmu_desktop/ui/app.py); compile with scripts/build_translations.py. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>查找范围(&amp;L)：</translation></message>
    <message><source>Files of &amp;type:</source><translation>文件类型(&amp;T)：</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Page &amp;Set:</source><translation>打印页面(&amp;S)：</translation></message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message><source>Pages &amp;per sheet:</source><translation>每张页数(&amp;P)：</translation></message>
    <message><source>Page &amp;order:</source><translation>页面顺序(&amp;O)：</translation></message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message><source>Scheduled &amp;printing:</source><translation>定时打印(&amp;P)：</translation></message>
    <message><source>&amp;Billing information:</source><translation>计费信息(&amp;B)：</translation></message>
    <message><source>Job &amp;priority:</source><translation>任务优先级(&amp;R)：</translation></message>
    <message><source>&amp;Start:</source><translation>开始(&amp;S)：</translation></message>
    <message><source>&amp;End:</source><translation>结束(&amp;E)：</translation></message>
</context>
</TS>
