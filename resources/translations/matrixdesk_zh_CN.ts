<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangeLogPanel</name>
    <message>
        <source>Collected workbook</source>
        <translation>收集的工作簿</translation>
    </message>
    <message>
        <source>Collect undone</source>
        <translation>撤销收集</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Cells restored</source>
        <translation>单元格已恢复</translation>
    </message>
    <message>
        <source>Measure edited</source>
        <translation>修改任务</translation>
    </message>
    <message>
        <source>Measure added</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Measure removed</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Measure restored</source>
        <translation>恢复任务</translation>
    </message>
    <message>
        <source>Target added</source>
        <translation>添加目标指标</translation>
    </message>
    <message>
        <source>Target edited</source>
        <translation>修改目标指标</translation>
    </message>
    <message>
        <source>Target removed</source>
        <translation>删除目标指标</translation>
    </message>
    <message>
        <source>Department added</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Collective party</source>
        <translation>集体单位</translation>
    </message>
    <message>
        <source>Department moved</source>
        <translation>部门顺序调整</translation>
    </message>
    <message>
        <source>Departments restored</source>
        <translation>部门已恢复</translation>
    </message>
    <message>
        <source>Department renamed</source>
        <translation>部门重命名</translation>
    </message>
    <message>
        <source>Departments merged</source>
        <translation>合并部门</translation>
    </message>
    <message>
        <source>Department removed</source>
        <translation>删除部门</translation>
    </message>
    <message>
        <source>Reporting schedule</source>
        <translation>报送周期</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>文件信息</translation>
    </message>
    <message>
        <source>Plan replaced</source>
        <translation>任务分工被替换</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>期次(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>ChangeLogText</name>
    <message>
        <source>%1 %2: %3 changes from %4</source>
        <translation>%1 %2：%3 项变更，来自 %4</translation>
    </message>
    <message>
        <source>Cells rewritten (undo, redo or paste): %1</source>
        <translation>重写分工（撤销、重做或粘贴）：%1</translation>
    </message>
    <message>
        <source>quarterly</source>
        <translation>按季度报送</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>按月报送</translation>
    </message>
    <message>
        <source>the document&apos;s date</source>
        <translation>文件日期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Reporting: %1, from %2 to %3</source>
        <translation>报送安排：%1，%2 至 %3</translation>
    </message>
    <message>
        <source>Undone: %1 %2, %3 changes from %4</source>
        <translation>已撤销：%1 %2，来自 %4 的 %3 项变更</translation>
    </message>
    <message>
        <source>Document number, title, issuer or date changed</source>
        <translation>修改文号、标题、发文机关或日期</translation>
    </message>
    <message>
        <source>Restore measure: %1</source>
        <translation>恢复任务：%1</translation>
    </message>
    <message>
        <source>Restore departments: %1</source>
        <translation>恢复部门：%1</translation>
    </message>
    <message>
        <source>Plan replaced by an import: %1 measures</source>
        <translation>导入替换任务分工：%1 个条目</translation>
    </message>
</context>
<context>
    <name>ChartTexts</name>
    <message>
        <source>Tasks per department</source>
        <translation>各部门任务量（牵头/配合）</translation>
    </message>
    <message>
        <source>Tasks per part</source>
        <translation>各部分任务数</translation>
    </message>
    <message>
        <source>Targets per year</source>
        <translation>各年度目标指标数</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标指标数</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>配合</translation>
    </message>
    <message>
        <source>Lead named</source>
        <translation>已明确牵头单位</translation>
    </message>
    <message>
        <source>No lead named</source>
        <translation>未明确牵头单位</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>No year</source>
        <translation>未定年份</translation>
    </message>
    <message>
        <source>No data to show yet</source>
        <translation>暂无可显示的数据</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>Tasks per part</source>
        <translation>各部分任务数</translation>
    </message>
    <message>
        <source>Targets by year</source>
        <translation>目标指标年份分布</translation>
    </message>
    <message>
        <source>Include collective parties</source>
        <translation>包含集体单位</translation>
    </message>
    <message>
        <source>Count 各地区, 有关部门 and the like as well</source>
        <translation>同时统计各地区、有关部门等集体单位</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF</source>
        <translation>将统计图保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Showing the %1 busiest of %2 departments; Export… saves them all.</source>
        <translation>仅显示任务最多的 %1 个部门（共 %2 个）；“导出…”可保存全部部门。</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 parts; Export… saves them all.</source>
        <translation>仅显示前 %1 个部分（共 %2 个）；“导出…”可保存全部部分。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出统计图</translation>
    </message>
    <message>
        <source>The chart could not be saved:
%1</source>
        <translation>无法保存统计图：
%1</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>Not an Excel workbook (.xlsx).</source>
        <translation>不是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>An old-format workbook (.xls or WPS .et). Open it in Excel or WPS and save it as .xlsx, then collect it again.</source>
        <translation>这是旧格式工作簿（.xls 或 WPS .et）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再收集。</translation>
    </message>
    <message>
        <source>The workbook is password-protected. Ask the department to remove the password.</source>
        <translation>该工作簿设有密码保护，请联系报送部门取消密码。</translation>
    </message>
    <message>
        <source>The workbook is damaged.</source>
        <translation>该工作簿已损坏。</translation>
    </message>
    <message>
        <source>The workbook contains XML entity declarations; refused as unsafe.</source>
        <translation>该工作簿含有 XML 实体声明，出于安全考虑不予读取。</translation>
    </message>
    <message>
        <source>The workbook is far larger than any department workbook (possibly a zip bomb).</source>
        <translation>该工作簿远大于正常的部门工作簿（可能是压缩炸弹），不予读取。</translation>
    </message>
    <message>
        <source>Not a department workbook exported by MatrixDesk.</source>
        <translation>不是由 MatrixDesk 导出的部门工作簿。</translation>
    </message>
    <message>
        <source>A workbook of another plan.</source>
        <translation>这是另一份任务分工的工作簿。</translation>
    </message>
    <message>
        <source>Its rows belong to another department than the workbook itself.</source>
        <translation>表中各行属于与本工作簿不同的部门。</translation>
    </message>
    <message>
        <source>The hidden identifiers of the workbook were edited.</source>
        <translation>工作簿中的隐藏标识已被修改。</translation>
    </message>
    <message>
        <source>Rows were added to or removed from the workbook.</source>
        <translation>工作簿中有行被添加或删除。</translation>
    </message>
    <message>
        <source>A formula where a value is expected (it was not evaluated).</source>
        <translation>应填数值处填入了公式（未计算）。</translation>
    </message>
    <message>
        <source>A status that is not in the plan&apos;s list.</source>
        <translation>状态不在本任务分工的状态列表中。</translation>
    </message>
    <message>
        <source>A value reached that is not a number.</source>
        <translation>完成值不是数字。</translation>
    </message>
    <message>
        <source>A reporting period the plan does not have.</source>
        <translation>报送期次不在本任务分工中。</translation>
    </message>
    <message>
        <source>Collect Returned Workbooks</source>
        <translation>收集回报工作簿</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>C&amp;lear List</source>
        <translation>清空列表(&amp;L)</translation>
    </message>
    <message>
        <source>Each workbook&apos;s own period</source>
        <translation>按各工作簿自身的期次</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期次(&amp;P)：</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>应用(&amp;Y)</translation>
    </message>
    <message>
        <source>Returned department workbooks</source>
        <translation>回报的部门工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xls *.et);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xls *.et);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Value reached</source>
        <translation>完成值</translation>
    </message>
    <message>
        <source>Conflict: the plan&apos;s value was reported %1 (%2), after this workbook was saved. Tick to use the workbook&apos;s value anyway.</source>
        <translation>冲突：任务分工中的值于 %1（%2）报送，晚于本工作簿的保存时间。勾选则仍采用工作簿中的值。</translation>
    </message>
    <message>
        <source>Add the workbooks the departments sent back (or drop them on the window).</source>
        <translation>添加各部门回报的工作簿（也可拖放到窗口中）。</translation>
    </message>
    <message>
        <source>Cell %1.</source>
        <translation>单元格 %1。</translation>
    </message>
    <message>
        <source>It has %1 of the %2 task rows it was sent with.</source>
        <translation>表中现有任务 %1 行，发出时为 %2 行。</translation>
    </message>
    <message>
        <source>Row %1.</source>
        <translation>第 %1 行。</translation>
    </message>
    <message>
        <source>The workbook reports for %1.</source>
        <translation>该工作簿填报的期次为%1。</translation>
    </message>
    <message>
        <source>File / task</source>
        <translation>文件 / 任务</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>In the plan</source>
        <translation>任务分工中</translation>
    </message>
    <message>
        <source>In the workbook</source>
        <translation>工作簿中</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>手工填写</translation>
    </message>
    <message>
        <source>A later workbook of this department: %1</source>
        <translation>该部门较新的工作簿：%1</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 处变化</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 处冲突</translation>
    </message>
    <message>
        <source>%1 — conflict</source>
        <translation>%1 — 冲突</translation>
    </message>
    <message>
        <source>Cell %1: %2</source>
        <translation>单元格 %1：%2</translation>
    </message>
    <message>
        <source>%1 workbooks: %2 refused. %3 changes chosen of %4; %5 conflicts with newer values in the plan (kept unless ticked).</source>
        <translation>%1 个工作簿：%2 个被拒绝。已选 %3 处变化（共 %4 处）；%5 处与任务分工中较新的值冲突（除非勾选，否则保留原值）。</translation>
    </message>
    <message>
        <source>Reading the workbooks…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DepartmentsModel</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>配合</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体单位</translation>
    </message>
    <message>
        <source>Collective parties (各地区, 有关部门 …) stay out of the workload chart.</source>
        <translation>集体单位（各地区、有关部门等）不计入工作量统计图。</translation>
    </message>
    <message>
        <source>Also written as: %1</source>
        <translation>又称：%1</translation>
    </message>
</context>
<context>
    <name>DepartmentsPanel</name>
    <message>
        <source>Add a department at the end of the list</source>
        <translation>在列表末尾添加部门</translation>
    </message>
    <message>
        <source>Rename the department; the change log keeps the old name</source>
        <translation>重命名部门；修改记录保留原名称</translation>
    </message>
    <message>
        <source>Other names of the department, such as 省发改委</source>
        <translation>部门的其他名称，如“省发改委”</translation>
    </message>
    <message>
        <source>Move all assignments to another department and drop this one</source>
        <translation>将全部任务分工移交另一部门，并删除本部门</translation>
    </message>
    <message>
        <source>Mark as a collective party (各地区, 有关部门 …)</source>
        <translation>标记为集体单位（各地区、有关部门等）</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>A&amp;liases…</source>
        <translation>别名(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Collective</source>
        <translation>集体单位(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the department and its assignments</source>
        <translation>删除该部门及其任务分工</translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Rename department</source>
        <translation>重命名部门</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Other names of %1, separated by 、 or commas:</source>
        <translation>%1 的其他名称（用“、”或逗号分隔）：</translation>
    </message>
    <message>
        <source>Merge departments</source>
        <translation>合并部门</translation>
    </message>
    <message>
        <source>Merge %1 into:</source>
        <translation>将 %1 合并到：</translation>
    </message>
    <message>
        <source>%1 is responsible for %2 measure(s). Remove it with them?</source>
        <translation>%1 承担 %2 项任务。确定连同其任务分工一并删除吗？</translation>
    </message>
    <message>
        <source>Remove department</source>
        <translation>删除部门</translation>
    </message>
    <message>
        <source>Name in use</source>
        <translation>名称已被使用</translation>
    </message>
    <message>
        <source>%1 is already the name or an alias of %2.</source>
        <translation>“%1”已是“%2”的名称或别名。</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>not yet</source>
        <translation>尚未保存</translation>
    </message>
</context>
<context>
    <name>ErrorDetail</name>
    <message>
        <source>“%1” is not a reporting period: write a month such as 2026-11.</source>
        <translation>“%1”不是报送期次：请填写月份，例如 2026-11。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>It is a folder or a device.</source>
        <translation>这是一个文件夹或设备，不是文件。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>It is another kind of file, not a MatrixDesk plan.</source>
        <translation>这是其他类型的文件，不是 MatrixDesk 任务分工文件。</translation>
    </message>
    <message>
        <source>It is a database of another program, not a MatrixDesk plan.</source>
        <translation>这是其他程序的数据库，不是 MatrixDesk 任务分工文件。</translation>
    </message>
    <message>
        <source>The file holds no plan.</source>
        <translation>文件中没有任务分工。</translation>
    </message>
    <message>
        <source>The file is cut short: %1 of its %2 bytes are there.</source>
        <translation>文件不完整：应有 %2 字节，只有 %1 字节。</translation>
    </message>
    <message>
        <source>The file is cut short.</source>
        <translation>文件不完整。</translation>
    </message>
    <message>
        <source>The last period is before the first.</source>
        <translation>末期早于首期。</translation>
    </message>
    <message>
        <source>A plan needs at least one status.</source>
        <translation>至少需要一个状态。</translation>
    </message>
    <message>
        <source>A status needs a short name without commas or quotation marks.</source>
        <translation>状态需要一个简短的名称，不能含逗号或引号。</translation>
    </message>
    <message>
        <source>Two statuses have the same name.</source>
        <translation>有两个状态名称相同。</translation>
    </message>
    <message>
        <source>The plan already holds reports for %1: keep monthly or quarterly reporting as it is.</source>
        <translation>任务分工中已有 %1 的报送记录：请保持原来的按月或按季报送。</translation>
    </message>
    <message>
        <source>The status “%1” has been reported: keep it in the list.</source>
        <translation>状态“%1”已有报送记录：请保留在列表中。</translation>
    </message>
    <message>
        <source>“%1” is not a reporting period: write a quarter such as 2026-Q4.</source>
        <translation>“%1”不是报送期次：请填写季度，例如 2026-Q4。</translation>
    </message>
    <message>
        <source>“%1” is not a reporting period: write 2026-11 or 2026-Q4.</source>
        <translation>“%1”不是报送期次：请填写 2026-11 或 2026-Q4 这样的期次。</translation>
    </message>
    <message>
        <source>This cannot be done.</source>
        <translation>无法完成此操作。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在生成工作簿…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>“%1” was written by a newer version of MatrixDesk. Please install the newer version to open it.</source>
        <translation>“%1”由更新版本的 MatrixDesk 创建，请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>The disk is full: this edit was not saved. Every earlier edit is safe in the plan. Free some space, then make the edit again.</source>
        <translation>磁盘已满：本次修改未保存。之前的所有修改都已安全保存在任务分工中。请释放一些空间后再做一次本次修改。</translation>
    </message>
    <message>
        <source>Another program is using the plan: this edit was not saved. Try again.</source>
        <translation>另一个程序正在使用该任务分工：本次修改未保存。请重试。</translation>
    </message>
    <message>
        <source>The plan could not be written (the drive or network may have gone): this edit was not saved. Every earlier edit is safe in the plan.</source>
        <translation>无法写入任务分工（驱动器或网络可能已断开）：本次修改未保存。之前的所有修改都已安全保存在任务分工中。</translation>
    </message>
    <message>
        <source>This edit cannot be made.</source>
        <translation>无法进行本次修改。</translation>
    </message>
    <message>
        <source>Exporting the PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Exporting the PDF…</source>
        <translation>正在导出 PDF…</translation>
    </message>
    <message>
        <source>“%1” is damaged and cannot be read. The file has not been changed.</source>
        <translation>“%1”已损坏，无法读取。文件未被修改。</translation>
    </message>
    <message>
        <source>Take Over…</source>
        <translation>接管…</translation>
    </message>
    <message>
        <source>Read-only plan</source>
        <translation>只读任务分工</translation>
    </message>
    <message>
        <source>Edit not saved</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>打开任务分工文件</translation>
    </message>
    <message>
        <source>MatrixDesk plans (*.mdesk);;All files (*)</source>
        <translation>MatrixDesk 任务分工文件 (*.mdesk);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the new plan as</source>
        <translation>新任务分工文件保存为</translation>
    </message>
    <message>
        <source>MatrixDesk plans (*.mdesk)</source>
        <translation>MatrixDesk 任务分工文件 (*.mdesk)</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>副本另存为</translation>
    </message>
    <message>
        <source>Exporting the workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>“%1” holds tables or triggers MatrixDesk did not create; it may have been made to change data behind your back, so it is not opened. The file has not been changed.</source>
        <translation>“%1”含有不是 MatrixDesk 创建的表或触发器，可能被用来暗中修改数据，因此不予打开。文件未被修改。</translation>
    </message>
    <message>
        <source>The plan was not closed properly last time; every completed edit has been recovered.</source>
        <translation>该任务分工上次未正常关闭；所有已完成的修改均已恢复。</translation>
    </message>
    <message>
        <source>Take over the plan</source>
        <translation>接管任务分工</translation>
    </message>
    <message>
        <source>Only take over if that computer has crashed or been switched off. If someone is still editing there, both of you would change the plan at once.

Take over the plan?</source>
        <translation>仅当那台电脑已死机或已关机时才接管。如果那里仍有人在编辑，你们两人会同时修改该任务分工。

是否接管该任务分工？</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Open the Backup</source>
        <translation>打开备份</translation>
    </message>
    <message>
        <source>“%1” could not be written.</source>
        <translation>无法写入“%1”。</translation>
    </message>
    <message>
        <source>Its rows can still be read: you can open it read-only.</source>
        <translation>其中的数据仍可读取：可以只读方式打开。</translation>
    </message>
    <message>
        <source>“%1” holds values MatrixDesk cannot use (listed below), so it is not opened. The file has not been changed.</source>
        <translation>“%1”含有 MatrixDesk 无法使用的值（见下），因此不予打开。文件未被修改。</translation>
    </message>
    <message>
        <source>Export PDF cancelled: no file was written.</source>
        <translation>已取消导出 PDF，未写入任何文件。</translation>
    </message>
    <message>
        <source>“%1” is not a MatrixDesk plan, or it does not exist.</source>
        <translation>“%1”不是 MatrixDesk 任务分工文件，或文件不存在。</translation>
    </message>
    <message>
        <source>Make a copy without them (%1) and open the copy? The received file stays as it is.</source>
        <translation>要生成一个不含这些内容的副本（%1）并打开该副本吗？收到的原文件保持不变。</translation>
    </message>
    <message>
        <source>“%1” is open for editing by %2 on the computer %3 since %4.</source>
        <translation>“%1”自 %4 起由 %2 在电脑 %3 上打开编辑。</translation>
    </message>
    <message>
        <source>Folder for the department workbooks</source>
        <translation>部门工作簿保存位置</translation>
    </message>
    <message>
        <source>Exporting the department workbooks</source>
        <translation>导出部门工作簿</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>无法写入该文件。</translation>
    </message>
    <message>
        <source>“%1” is already open for editing in another MatrixDesk window.</source>
        <translation>“%1”已在另一个 MatrixDesk 窗口中打开编辑。</translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <source>Plan in use</source>
        <translation>文件正在使用</translation>
    </message>
    <message>
        <source>This edit was not saved.</source>
        <translation>本次修改未保存。</translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation>无法打开任务分工文件</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建任务分工</translation>
    </message>
    <message>
        <source>Cannot create plan</source>
        <translation>无法创建任务分工文件</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved a copy; you are now working in %1.</source>
        <translation>已保存副本，当前正在编辑 %1。</translation>
    </message>
    <message>
        <source>%1 is open read-only: it was not changed.</source>
        <translation>%1 以只读方式打开，未作任何修改。</translation>
    </message>
    <message>
        <source>(仿宋, 宋体 and 黑体 are not installed)</source>
        <translation>（本机未安装仿宋、宋体、黑体）</translation>
    </message>
    <message>
        <source>Reports are printed in %1.</source>
        <translation>报表将使用 %1 字体打印。</translation>
    </message>
    <message>
        <source>%1 is open already.</source>
        <translation>%1 已经打开。</translation>
    </message>
    <message>
        <source>Open it read-only? You can look, print and export, but not edit.</source>
        <translation>以只读方式打开？可以查看、打印和导出，但不能编辑。</translation>
    </message>
    <message>
        <source>The sample plan is not available.</source>
        <translation>示例任务分工不可用。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer.</source>
        <translation>已向打印机发送 %1 页。</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>A backup copy is beside it: %2.</source>
        <translation>旁边有一份备份：%2。</translation>
    </message>
    <message>
        <source>All changes are saved in %1 (last change %2).</source>
        <translation>所有修改均已保存在 %1 中（最近一次修改：%2）。</translation>
    </message>
    <message>
        <source>Wrote the chart %1 in %2.</source>
        <translation>已导出统计图 %1，位于 %2。</translation>
    </message>
    <message>
        <source>“%1” is on a drive, share or stick that cannot be written to.</source>
        <translation>“%1”位于无法写入的驱动器、共享文件夹或 U 盘上。</translation>
    </message>
    <message>
        <source>Wrote the workbook %1 in %2.</source>
        <translation>已导出工作簿 %1，位于 %2。</translation>
    </message>
    <message>
        <source>Wrote %1 department workbooks to %2.</source>
        <translation>已将 %1 个部门工作簿导出到 %2。</translation>
    </message>
    <message>
        <source>“%1” is open for editing in another program.</source>
        <translation>“%1”正在另一个程序中打开编辑。</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages) in %3.</source>
        <translation>已导出 %1（共 %2 页），位于 %3。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search measures (code, title, text)…</source>
        <translation>搜索任务（编号、标题、正文）…</translation>
    </message>
    <message>
        <source>Only measures with findings</source>
        <translation>仅显示有问题的任务</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>text “%1”</source>
        <translation>文字“%1”</translation>
    </message>
    <message>
        <source>department %1</source>
        <translation>部门：%1</translation>
    </message>
    <message>
        <source>only measures with findings</source>
        <translation>仅显示有问题的任务</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Measure %1 has departments but no lead</source>
        <translation>任务 %1 有责任单位，但没有牵头单位</translation>
    </message>
    <message>
        <source>Measure %1 has no responsible department</source>
        <translation>任务 %1 没有责任单位</translation>
    </message>
    <message>
        <source>Measure %1 has several leads</source>
        <translation>任务 %1 有多个牵头单位</translation>
    </message>
    <message>
        <source>Department %1 has no assignment</source>
        <translation>部门 %1 未承担任何任务</translation>
    </message>
    <message>
        <source>Departments %1 and %2 have the same name</source>
        <translation>部门 %1 与 %2 名称相同</translation>
    </message>
    <message>
        <source>A target of measure %1 has no year</source>
        <translation>任务 %1 的一项目标指标缺少年份</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>No findings: the plan looks complete.</source>
        <translation>未发现问题：任务分工完整。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Merge departments: %1 → %2</source>
        <translation>合并部门：%1 → %2</translation>
    </message>
    <message>
        <source>Move department: %1 to place %2</source>
        <translation>移动部门：%1 移到第 %2 位</translation>
    </message>
    <message>
        <source>Set lead</source>
        <translation>设为牵头</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Open-ended: %1</source>
        <translation>标为责任单位未列全：%1</translation>
    </message>
    <message>
        <source>Not open-ended: %1</source>
        <translation>取消责任单位未列全：%1</translation>
    </message>
    <message>
        <source>Edit measure: %1</source>
        <translation>修改任务：%1</translation>
    </message>
    <message>
        <source>Mark collective: %1</source>
        <translation>标为集体单位：%1</translation>
    </message>
    <message>
        <source>Unmark collective: %1</source>
        <translation>取消集体单位：%1</translation>
    </message>
    <message>
        <source>Set support</source>
        <translation>设为配合</translation>
    </message>
    <message>
        <source>Edit title: %1</source>
        <translation>修改标题：%1</translation>
    </message>
    <message>
        <source>Edit text: %1</source>
        <translation>修改任务内容：%1</translation>
    </message>
    <message>
        <source>Paste rows: %1</source>
        <translation>粘贴整行：%1</translation>
    </message>
    <message>
        <source>Rename department: %1 → %2</source>
        <translation>重命名部门：%1 → %2</translation>
    </message>
    <message>
        <source>Aliases of %1: %2</source>
        <translation>设置别名：%1（%2）</translation>
    </message>
    <message>
        <source>Add department: %1</source>
        <translation>添加部门：%1</translation>
    </message>
    <message>
        <source>Remove department: %1</source>
        <translation>删除部门：%1</translation>
    </message>
    <message>
        <source>Add measure: %1</source>
        <translation>添加任务：%1</translation>
    </message>
    <message>
        <source>Remove measure: %1</source>
        <translation>删除任务：%1</translation>
    </message>
    <message>
        <source>Add target: %1</source>
        <translation>添加目标指标：%1</translation>
    </message>
    <message>
        <source>Edit target: %1</source>
        <translation>修改目标指标：%1</translation>
    </message>
    <message>
        <source>Remove target: %1</source>
        <translation>删除目标指标：%1</translation>
    </message>
    <message>
        <source>%1 … (%2 in all)</source>
        <translation>%1 等（共 %2 个）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Change roles</source>
        <translation>修改责任</translation>
    </message>
    <message>
        <source>Deadline: %1 → %2</source>
        <translation>完成时限：%1 → %2</translation>
    </message>
    <message>
        <source>%1: %2 × %3</source>
        <translation>%1：%2 × %3</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>New plan from a policy document</source>
        <translation>从政策文件新建任务分工</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>How the file&apos;s bytes are read; Automatic recognises UTF-8, UTF-16 and GBK.</source>
        <translation>文件的编码方式；“自动识别”可识别 UTF-8、UTF-16 和 GBK。</translation>
    </message>
    <message>
        <source>Open a .docx, .pdf, .txt, .html or .xlsx file, or paste the text of the policy document below. Each measure should end with its responsible departments, e.g. (省商务厅、省财政厅负责).</source>
        <translation>打开 .docx、.pdf、.txt、.html 或 .xlsx 文件，或在下方粘贴政策文件的文本。每项任务末尾应写明责任单位，例如（省商务厅、省财政厅负责）。</translation>
    </message>
    <message>
        <source>it is not a document MatrixDesk reads (.txt, .html, .docx, .xlsx or .pdf).</source>
        <translation>这不是 MatrixDesk 能读取的文档（可读取 .txt、.html、.docx、.xlsx 或 .pdf 文件）。</translation>
    </message>
    <message>
        <source>Paste the document text here…</source>
        <translation>在此粘贴文件正文…</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Preview &gt;</source>
        <translation>预览(&amp;P) &gt;</translation>
    </message>
    <message>
        <source>&amp;Create plan</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>Read wrongly? Double-click a measure to correct its text, then preview again.</source>
        <translation>识别有误？双击任务即可回到正文中该处修改，改后再预览。</translation>
    </message>
    <message>
        <source>There is no text to import yet.</source>
        <translation>尚无可导入的文本。</translation>
    </message>
    <message>
        <source>The text could not be read: %1</source>
        <translation>无法读取文本：%1</translation>
    </message>
    <message>
        <source>(no document number or title found)</source>
        <translation>（未识别到文号或标题）</translation>
    </message>
    <message>
        <source>%1 measures (%2 tasks), %3 departments, %4 assignments, %5 targets</source>
        <translation>共 %1 个条目（%2 项任务），%3 个部门，%4 条分工，%5 项目标指标</translation>
    </message>
    <message>
        <source>No numbered measures (一、 (一) 1.) were found in the text.</source>
        <translation>文本中未识别到编号条目（一、（一） 1.）。</translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s) have no responsible department (marked in red). Go back to add the annotation, or assign departments after creating the plan.</source>
        <translation>
            <numerusform>%n 项任务没有责任单位（红色标出）。可返回上一步补充责任单位，或在创建后再分配部门。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open policy document</source>
        <translation>打开政策文件</translation>
    </message>
    <message>
        <source>Policy documents (*.docx *.pdf *.txt *.html *.htm *.xlsx *.doc *.wps *.xls *.et);;Word and WPS documents (*.docx *.doc *.wps);;PDF documents (*.pdf);;Text files (*.txt);;Web pages (*.html *.htm);;Excel task tables (*.xlsx *.xls *.et);;All files (*)</source>
        <translation>政策文件 (*.docx *.pdf *.txt *.html *.htm *.xlsx *.doc *.wps *.xls *.et);;Word 和 WPS 文档 (*.docx *.doc *.wps);;PDF 文件 (*.pdf);;文本文件 (*.txt);;网页 (*.html *.htm);;Excel 任务分工表 (*.xlsx *.xls *.et);;所有文件 (*)</translation>
    </message>
    <message>
        <source>the file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>it is a folder, not a file.</source>
        <translation>这是一个文件夹，不是文件。</translation>
    </message>
    <message>
        <source>the file cannot be opened (is it open elsewhere or locked?).</source>
        <translation>无法打开该文件（是否已被其他程序打开或锁定？）。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>the file has no text.</source>
        <translation>文件中没有文字。</translation>
    </message>
    <message>
        <source>the chosen encoding is unknown.</source>
        <translation>所选编码无法识别。</translation>
    </message>
    <message>
        <source>the text is not in the chosen encoding; choose another or Auto-detect.</source>
        <translation>文本不是所选编码，请改选其他编码或“自动识别”。</translation>
    </message>
    <message>
        <source>its encoding was not recognised; choose the encoding and open it again.</source>
        <translation>未能识别文件编码，请选择编码后重新打开。</translation>
    </message>
    <message>
        <source>the file is too big to be a policy document.</source>
        <translation>文件太大，不像是政策文件。</translation>
    </message>
    <message>
        <source>it is a pipe or a device, not a document file.</source>
        <translation>它是管道或设备，不是文档文件。</translation>
    </message>
    <message>
        <source>the file is damaged (incomplete, or not really the kind of file its name says); ask for a new copy.</source>
        <translation>文件已损坏（不完整，或与扩展名所示的格式不符）；请重新获取一份。</translation>
    </message>
    <message>
        <source>it is a picture (%1), not a document. Ask for the Word or text version, or run text recognition (OCR) on it first.</source>
        <translation>这是一张图片（%1），不是文档。请索取 Word 或文本版本，或先对其进行文字识别（OCR）。</translation>
    </message>
    <message>
        <source>the task table in the workbook has its header row but no tasks under it.</source>
        <translation>工作簿中的任务分工表只有表头，下面没有任务。</translation>
    </message>
    <message>
        <source>this PDF has no text layer; it looks scanned (pictures of pages). Ask for the Word or text version, or run text recognition (OCR) on it first.</source>
        <translation>此 PDF 没有文字层，看起来是扫描件（页面图片）。请索取 Word 或文本版本，或先对其进行文字识别（OCR）。</translation>
    </message>
    <message>
        <source>the text in this PDF cannot be read: its fonts carry no character codes, so it comes out as symbols. Ask for the Word or text version.</source>
        <translation>此 PDF 中的文字无法读取：其字体没有字符编码，读出来只是一串符号。请索取 Word 或文本版本。</translation>
    </message>
    <message>
        <source>no task-division table was found in the workbook: a header row with a task column (重点任务, 主要任务, 工作任务 …) and a unit column (牵头单位, 责任单位, 主办单位, 指导部门 …) was looked for.</source>
        <translation>工作簿中没有找到任务分工表：需要一行表头，包含任务列（重点任务、主要任务、工作任务……）和单位列（牵头单位、责任单位、主办单位、指导部门……）。</translation>
    </message>
    <message>
        <source>this kind of file is not read; open a .txt, .html, .docx, .xlsx or .pdf file.</source>
        <translation>不能读取这种文件；请打开 .txt、.html、.docx、.xlsx 或 .pdf 文件。</translation>
    </message>
    <message>
        <source>this PDF is protected by a password. Open it with the password, save or print a copy without it (or ask for the Word version), and open that copy.</source>
        <translation>此 PDF 设有密码保护。请用密码打开，另存或打印一份不带密码的副本（或索取 Word 版本），再打开该副本。</translation>
    </message>
    <message>
        <source>it is protected by a password. Open it in Excel or WPS, remove the password, save it, and open that copy.</source>
        <translation>文件设有密码保护。请在 Excel 或 WPS 中打开，取消密码后保存，再打开保存后的文件。</translation>
    </message>
    <message>
        <source>it is protected by a password. Open it in Word or WPS, remove the password, save it, and open that copy.</source>
        <translation>文件设有密码保护。请在 Word 或 WPS 中打开，取消密码后保存，再打开保存后的文件。</translation>
    </message>
    <message>
        <source>a Word 97-2003 document (.doc)</source>
        <translation>Word 97-2003 文档（.doc）</translation>
    </message>
    <message>
        <source>a WPS Writer document (.wps)</source>
        <translation>WPS 文字文档（.wps）</translation>
    </message>
    <message>
        <source>a Rich Text document (.rtf)</source>
        <translation>RTF 格式文档（.rtf）</translation>
    </message>
    <message>
        <source>an OpenDocument text (.odt)</source>
        <translation>OpenDocument 文本（.odt）</translation>
    </message>
    <message>
        <source>an Excel 97-2003 workbook (.xls)</source>
        <translation>Excel 97-2003 工作簿（.xls）</translation>
    </message>
    <message>
        <source>a WPS Spreadsheets workbook (.et)</source>
        <translation>WPS 表格工作簿（.et）</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet (.ods)</source>
        <translation>OpenDocument 电子表格（.ods）</translation>
    </message>
    <message>
        <source>an OFD document (.ofd)</source>
        <translation>OFD 版式文件（.ofd）</translation>
    </message>
    <message>
        <source>it is %1, which MatrixDesk does not read. Open it in Excel or WPS, save it as %2, and open that file.</source>
        <translation>这是%1，MatrixDesk 不能直接读取。请在 Excel 或 WPS 中打开，另存为 %2 格式，再打开该文件。</translation>
    </message>
    <message>
        <source>it is %1, which MatrixDesk does not read. Open it in an OFD reader or WPS, print or save it as %2, and open that file.</source>
        <translation>这是%1，MatrixDesk 不能直接读取。请在 OFD 阅读器或 WPS 中打开，打印或另存为 %2 格式，再打开该文件。</translation>
    </message>
    <message>
        <source>it is %1, which MatrixDesk does not read. Open it in Word or WPS, save it as %2, and open that file.</source>
        <translation>这是%1，MatrixDesk 不能直接读取。请在 Word 或 WPS 中打开，另存为 %2 格式，再打开该文件。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>ImportNotesPanel</name>
    <message numerus="yes">
        <source>%n bracket(s) read like an annotation but name no department the program recognises, so they were left out:</source>
        <translation>
            <numerusform>%n 处括注看似责任单位，但未识别出任何部门名称，已略过：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) in annotations are not department names and were left out:</source>
        <translation>
            <numerusform>责任单位括注中有 %n 个词不是部门名称，已略去：</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge all %1 pairs</source>
        <translation>全部合并（%1 组）</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of names may be spellings of one department. Merge a pair to count it once (the other name is kept as an alias):</source>
        <translation>
            <numerusform>%n 组名称可能是同一部门的不同写法。合并后按一个部门计（另一名称保留为别名）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge into %1</source>
        <translation>合并为 %1</translation>
    </message>
    <message>
        <source>%1 becomes an alias of %2; its tasks move to %2.</source>
        <translation>%1 成为 %2 的别名，其任务并入 %2。</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Keep %1 and %2 as two departments.</source>
        <translation>把 %1 和 %2 恢复为两个部门。</translation>
    </message>
    <message>
        <source>%1 merged into %2</source>
        <translation>%1 已合并为 %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>No plan is open.

File ▸ New from Document… creates one from a policy text;
File ▸ Open… opens a .mdesk file; Help ▸ Open Sample Plan shows an example.</source>
        <translation>尚未打开任务分工文件。

“文件 ▸ 从政策文件新建…”可由政策文本创建；
“文件 ▸ 打开…”可打开 .mdesk 文件；“帮助 ▸ 打开示例”可查看示例。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>%1 measures · %2 departments · %3 assignments</source>
        <translation>%1 个条目 · %2 个部门 · %3 条分工</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>nothing reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>● lead  ○ support</source>
        <translation>● 牵头  ○ 配合</translation>
    </message>
    <message>
        <source>All changes saved %1</source>
        <translation>所有修改已保存 %1</translation>
    </message>
    <message>
        <source>Every edit is written to %1 the moment it is made.</source>
        <translation>每一次修改都会立即写入 %1。</translation>
    </message>
    <message>
        <source>Matrix: arrow keys move; L lead, S support, Space cycles, Delete clears; Ctrl+2 … Ctrl+8 go to the panels.</source>
        <translation>任务矩阵：方向键移动；L 设为牵头，S 设为配合，空格切换，Delete 清除；Ctrl+2 … Ctrl+8 切换到各面板。</translation>
    </message>
    <message>
        <source>The plan is open read-only.</source>
        <translation>任务分工以只读方式打开。</translation>
    </message>
    <message>
        <source>Select cells in the department columns to set roles; the code and title columns select whole rows (for copying).</source>
        <translation>请在部门列中选择单元格来设置牵头或配合；序号和任务列选中的是整行（用于复制）。</translation>
    </message>
    <message>
        <source>This is the language in use already.</source>
        <translation>当前已是该界面语言。</translation>
    </message>
    <message>
        <source>The language changes the next time MatrixDesk starts.</source>
        <translation>界面语言将在下次启动 MatrixDesk 时生效。</translation>
    </message>
    <message>
        <source>Every panel is back in the right column, as on a small screen.</source>
        <translation>所有面板已放回右侧栏（小屏幕布局）。</translation>
    </message>
    <message>
        <source>Every panel is back: measure and chart on the right, lists below.</source>
        <translation>所有面板已复位：任务详情和统计图在右侧，各列表在下方。</translation>
    </message>
    <message>
        <source>Print, Print Preview and Export PDF now make: %1</source>
        <translation>打印、打印预览和导出 PDF 现在输出：%1</translation>
    </message>
    <message>
        <source>Reports now leave out collective parties (各地区, 有关部门 …).</source>
        <translation>报表现在不含集体单位（各地区、有关部门等）。</translation>
    </message>
    <message>
        <source>Reports now show collective parties, as the master workbook does.</source>
        <translation>报表现在包含集体单位，与总表一致。</translation>
    </message>
    <message>
        <source>About MatrixDesk</source>
        <translation>关于 MatrixDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MatrixDesk %1&lt;/h3&gt;&lt;p&gt;Responsibility matrices (任务分工) for policy documents: import, edit, chart, circulate and print.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MatrixDesk %1&lt;/h3&gt;&lt;p&gt;政策文件任务分工（责任矩阵）工具：导入、编辑、统计、分发和打印。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Log Folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>任务详情</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>统计图</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>History</source>
        <translation>操作历史</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <source>Change Log</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>No plan is open.</source>
        <translation>尚未打开任务分工文件。</translation>
    </message>
</context>
<context>
    <name>MatrixEditor</name>
    <message>
        <source>Copied %n row(s)</source>
        <translation>已复制 %n 行</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Title of the new measure:</source>
        <translation>新任务的标题：</translation>
    </message>
    <message>
        <source>Remove measure</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Name of the department:</source>
        <translation>部门名称：</translation>
    </message>
    <message>
        <source>Nothing to change: the selected cells are like that already.</source>
        <translation>无需修改：所选单元格已是该状态。</translation>
    </message>
    <message>
        <source>Nothing pasted: the clipboard holds no ● / ○ marks (or 牵头 / 配合).</source>
        <translation>未粘贴：剪贴板中没有 ● / ○ 标记（或“牵头”/“配合”）。</translation>
    </message>
    <message>
        <source>Paste %n row(s)</source>
        <translation>粘贴 %n 行</translation>
    </message>
    <message>
        <source>A department named %1 exists already.</source>
        <translation>已存在名为“%1”的部门。</translation>
    </message>
    <message>
        <source>Remove %1 %2 with its sub-measures, assignments and targets?
You can undo this with Ctrl+Z.</source>
        <translation>删除 %1 %2 及其下级任务、分工和目标指标？
可按 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Lead %1, support %2</source>
        <translation>牵头 %1，配合 %2</translation>
    </message>
    <message>
        <source>Code %1 (for sorting)</source>
        <translation>编码 %1（用于排序）</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>support</source>
        <translation>配合</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Also called: %1</source>
        <translation>又称：%1</translation>
    </message>
    <message>
        <source>Collective party (not one organisation)</source>
        <translation>集体单位（非单一机构）</translation>
    </message>
</context>
<context>
    <name>MeasurePanel</name>
    <message>
        <source>Title of the measure</source>
        <translation>任务标题</translation>
    </message>
    <message>
        <source>e.g. 2021年底前 or 长期坚持</source>
        <translation>如：2021年底前、长期坚持</translation>
    </message>
    <message>
        <source>Open-ended (等部门 / 按职责分工负责)</source>
        <translation>责任单位未列全（等部门 / 按职责分工负责）</translation>
    </message>
    <message>
        <source>The annotation ends in 等 or similar: parties beyond those named take part.</source>
        <translation>责任单位以“等”结尾：除所列单位外还有其他单位参与。</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>完成时限：</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <source>Edit the text; it is saved when you leave the box or press Ctrl+Enter</source>
        <translation>直接修改任务内容，离开编辑框或按 Ctrl+Enter 时保存</translation>
    </message>
    <message>
        <source>Paragraph in the source document</source>
        <translation>原文段落</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>任务内容</translation>
    </message>
    <message>
        <source>Select a measure in the matrix to see its details.</source>
        <translation>在责任矩阵中选择一项任务以查看详情。</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a target to this measure</source>
        <translation>为本任务添加一项目标指标</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected target</source>
        <translation>删除所选的目标指标</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标指标</translation>
    </message>
    <message>
        <source>Code %1 (for sorting)</source>
        <translation>编码 %1（用于排序）</translation>
    </message>
    <message>
        <source>No department assigned</source>
        <translation>尚未分配责任单位</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>配合</translation>
    </message>
    <message>
        <source>by %1-%2-%3</source>
        <translation>%1年%2月%3日前</translation>
    </message>
    <message>
        <source>Remove targets</source>
        <translation>删除目标指标</translation>
    </message>
</context>
<context>
    <name>NoMatchNote</name>
    <message>
        <source>No measure matches the filter (%1).</source>
        <translation>没有符合筛选条件的任务（%1）。</translation>
    </message>
    <message>
        <source>Press Esc in the search box or choose View ▸ Show All Measures.</source>
        <translation>在搜索框中按 Esc，或选择“视图 ▸ 显示全部任务”。</translation>
    </message>
</context>
<context>
    <name>OutputFeedback</name>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 已不存在。</translation>
    </message>
    <message>
        <source>No program could open %1.</source>
        <translation>没有可以打开 %1 的程序。</translation>
    </message>
</context>
<context>
    <name>OutputMessages</name>
    <message>
        <source>“%1” is open in another program (WPS, Excel or a PDF reader), so it cannot be replaced. Close it there and try again.</source>
        <translation>“%1”已在另一个程序（WPS、Excel 或 PDF 阅读器）中打开，无法替换。请在该程序中关闭它后重试。</translation>
    </message>
    <message>
        <source>The disk is full: “%1” could not be written. The previous file, if there was one, is unchanged. Free some space and try again.</source>
        <translation>磁盘已满，无法写入“%1”。原有文件（如有）未被改动。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>“%1” came out empty and was not saved; the previous file is unchanged.</source>
        <translation>生成的“%1”为空，未予保存；原有文件未被改动。</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist or cannot be written.</source>
        <translation>文件夹“%1”不存在或无法写入。</translation>
    </message>
    <message>
        <source>The path of “%1” is %2 characters long, but Windows and Excel open only paths of up to %3 characters. Choose a shorter folder or file name.</source>
        <translation>“%1”的完整路径长 %2 个字符，而 Windows 和 Excel 只能打开不超过 %3 个字符的路径。请选择较短的文件夹或文件名。</translation>
    </message>
    <message>
        <source>“%1” could not be written.</source>
        <translation>无法写入“%1”。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>配合</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标指标</translation>
    </message>
    <message>
        <source>No responsible department was recognised for this measure.</source>
        <translation>未识别到该任务的责任单位。</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>编号 %1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>MatrixDesk</source>
        <translation>MatrixDesk</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <source>Making page %1 of %2…</source>
        <translation>正在生成第 %1 页（共 %2 页）…</translation>
    </message>
</context>
<context>
    <name>ProgressController</name>
    <message>
        <source>Export the chase list</source>
        <translation>导出催报清单</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Collect %1 workbooks</source>
        <translation>收集 %1 个工作簿</translation>
    </message>
    <message>
        <source>Chase list %1.xlsx</source>
        <translation>催报清单 %1.xlsx</translation>
    </message>
    <message>
        <source>Reporting schedule</source>
        <translation>报送安排</translation>
    </message>
    <message>
        <source>Chase list</source>
        <translation>催报清单</translation>
    </message>
    <message>
        <source>Wrote the chase list of %1 (%2 departments).</source>
        <translation>已导出 %1 的催报清单（%2 个部门）。</translation>
    </message>
    <message>
        <source>Collected %1 entries from %2 departments; %3 workbooks refused.</source>
        <translation>已从 %2 个部门收集 %1 条记录；%3 个工作簿被拒绝。</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>滞后</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Returned nothing for this period: to chase (催报)</source>
        <translation>本期未报送：需催报</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期次(&amp;P)：</translation>
    </message>
    <message>
        <source>Only departments to &amp;chase (催报)</source>
        <translation>仅显示需催报的部门(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xport Chase List…</source>
        <translation>导出催报清单(&amp;X)…</translation>
    </message>
    <message>
        <source>P&amp;rint Chase List…</source>
        <translation>打印催报清单(&amp;R)…</translation>
    </message>
    <message>
        <source>%1: %2 departments reported, %3 to chase; %4 measures overdue.</source>
        <translation>%1：%2 个部门已报送，%3 个需催报；%4 项任务已逾期。</translation>
    </message>
</context>
<context>
    <name>ReportChoice</name>
    <message>
        <source>the measures × departments matrix</source>
        <translation>责任矩阵（任务×部门）</translation>
    </message>
    <message>
        <source>the task-division list (任务分工表)</source>
        <translation>任务分工表</translation>
    </message>
    <message>
        <source>the task list of the department in the current column</source>
        <translation>当前列所在部门的任务清单</translation>
    </message>
    <message>
        <source>the progress report (进展情况报告)</source>
        <translation>进展情况报告</translation>
    </message>
    <message>
        <source>the chase list (催报清单)</source>
        <translation>催报清单</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message>
        <source>See %1 as it will be printed</source>
        <translation>打印前预览%1</translation>
    </message>
    <message>
        <source>Save %1 as a PDF file</source>
        <translation>将%1保存为 PDF 文件</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>滞后</translation>
    </message>
    <message>
        <source>Reporting Schedule</source>
        <translation>报送安排</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>&amp;Reports:</source>
        <translation>报送周期(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;First period:</source>
        <translation>首期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Last period:</source>
        <translation>末期(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Add Status</source>
        <translation>添加状态(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move Status</source>
        <translation>删除状态(&amp;M)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>含义</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>nothing reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Status (%1): %2</source>
        <translation>状态（%1）：%2</translation>
    </message>
    <message>
        <source>%1: done %2 of %3, late %4, not reported %5</source>
        <translation>%1：已完成 %2/%3，滞后 %4，未报送 %5</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <source>New target</source>
        <translation>新目标指标</translation>
    </message>
    <message>
        <source>= exactly</source>
        <translation>= 达到</translation>
    </message>
    <message>
        <source>≥ at least</source>
        <translation>≥ 以上</translation>
    </message>
    <message>
        <source>≤ at most</source>
        <translation>≤ 以内</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>No target year: the plan check reports this target.</source>
        <translation>缺少目标年份：检查结果中会列出此项。</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Report &amp;Kind</source>
        <translation>报表类型(&amp;K)</translation>
    </message>
    <message>
        <source>Report &amp;Font</source>
        <translation>报表字体(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New from Document…</source>
        <translation>从政策文件新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a plan from a policy document (file or pasted text)</source>
        <translation>由政策文件（文件或粘贴的文本）创建任务分工</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a plan file</source>
        <translation>打开任务分工文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Every edit is saved as you make it; this confirms it and says when</source>
        <translation>每次修改都会自动保存；此命令确认保存并显示保存时间</translation>
    </message>
    <message>
        <source>Open &amp;Last Export</source>
        <translation>打开最近导出的文件(&amp;L)</translation>
    </message>
    <message>
        <source>Open the file (or folder) written by the last export or PDF</source>
        <translation>打开最近一次导出或生成 PDF 所写的文件（或文件夹）</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save a copy of the plan and go on working in the copy</source>
        <translation>保存副本，并在副本中继续编辑</translation>
    </message>
    <message>
        <source>&amp;Export Workbook…</source>
        <translation>导出工作簿(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the master workbook and one workbook per department</source>
        <translation>导出总表工作簿及各部门工作簿</translation>
    </message>
    <message>
        <source>Export Department &amp;Workbooks…</source>
        <translation>导出部门工作簿(&amp;W)…</translation>
    </message>
    <message>
        <source>Write one workbook per department, with its tasks and a progress column</source>
        <translation>为每个部门生成一个工作簿，列出其任务并附进展情况栏</translation>
    </message>
    <message>
        <source>Responsibility &amp;Matrix</source>
        <translation>责任矩阵(&amp;M)</translation>
    </message>
    <message>
        <source>Print the measures × departments matrix</source>
        <translation>打印任务 × 部门责任矩阵</translation>
    </message>
    <message>
        <source>Task-Division &amp;List</source>
        <translation>任务分工表(&amp;L)</translation>
    </message>
    <message>
        <source>Print the task-division table (任务分工表)</source>
        <translation>打印任务分工表</translation>
    </message>
    <message>
        <source>Current &amp;Department&apos;s Tasks</source>
        <translation>当前部门任务清单(&amp;D)</translation>
    </message>
    <message>
        <source>Print the task list of the department in the current column</source>
        <translation>打印当前列所对应部门的任务清单</translation>
    </message>
    <message>
        <source>Leave Out &amp;Collective Parties</source>
        <translation>不含集体单位(&amp;C)</translation>
    </message>
    <message>
        <source>Print the matrix and the lists without 各地区, 有关部门 and the like</source>
        <translation>打印矩阵和清单时不含各地区、有关部门等集体单位</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the chosen report as a PDF file</source>
        <translation>将所选报表保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>See the printed matrix before printing</source>
        <translation>打印前预览责任矩阵</translation>
    </message>
    <message>
        <source>Page Set&amp;up…</source>
        <translation>页面设置(&amp;U)…</translation>
    </message>
    <message>
        <source>Paper size, orientation and margins</source>
        <translation>纸张大小、方向和页边距</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the matrix</source>
        <translation>打印责任矩阵</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close the plan</source>
        <translation>关闭任务分工文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit MatrixDesk</source>
        <translation>退出 MatrixDesk</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells</source>
        <translation>复制所选单元格</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste cells or whole rows</source>
        <translation>粘贴单元格或整行</translation>
    </message>
    <message>
        <source>C&amp;ycle Role</source>
        <translation>切换角色(&amp;Y)</translation>
    </message>
    <message>
        <source>None → lead → support → none</source>
        <translation>无 → 牵头 → 配合 → 无</translation>
    </message>
    <message>
        <source>Set &amp;Lead ●</source>
        <translation>设为牵头(&amp;L) ●</translation>
    </message>
    <message>
        <source>Make the selected departments lead (牵头) the measures</source>
        <translation>将所选部门设为所选任务的牵头单位</translation>
    </message>
    <message>
        <source>Set &amp;Support ○</source>
        <translation>设为配合(&amp;S) ○</translation>
    </message>
    <message>
        <source>Make the selected departments support (配合) the measures</source>
        <translation>将所选部门设为所选任务的配合单位</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>清除(&amp;E)</translation>
    </message>
    <message>
        <source>Remo&amp;ve Measure</source>
        <translation>删除任务(&amp;V)</translation>
    </message>
    <message>
        <source>Remove the selected assignments</source>
        <translation>清除所选分工</translation>
    </message>
    <message>
        <source>&amp;Add Measure…</source>
        <translation>添加任务(&amp;A)…</translation>
    </message>
    <message>
        <source>Insert a measure below the current one</source>
        <translation>在当前任务下方插入任务</translation>
    </message>
    <message>
        <source>Remove the current measure with its sub-measures</source>
        <translation>删除当前任务及其下级任务</translation>
    </message>
    <message>
        <source>Add &amp;Department…</source>
        <translation>添加部门(&amp;D)…</translation>
    </message>
    <message>
        <source>Add a responsible department as a new column</source>
        <translation>添加责任单位（新增一列）</translation>
    </message>
    <message>
        <source>Rename or &amp;Merge Departments…</source>
        <translation>重命名或合并部门(&amp;M)…</translation>
    </message>
    <message>
        <source>Show the departments panel</source>
        <translation>显示部门面板</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Filter the measures by text</source>
        <translation>按文字筛选任务</translation>
    </message>
    <message>
        <source>Show &amp;All Measures</source>
        <translation>显示全部任务(&amp;A)</translation>
    </message>
    <message>
        <source>Clear the search, department and findings filter</source>
        <translation>清除搜索、部门和问题筛选</translation>
    </message>
    <message>
        <source>&amp;Matrix</source>
        <translation>任务矩阵(&amp;M)</translation>
    </message>
    <message>
        <source>Move the keyboard to the matrix</source>
        <translation>将键盘焦点移到任务矩阵</translation>
    </message>
    <message>
        <source>Mea&amp;sure Details</source>
        <translation>任务详情(&amp;S)</translation>
    </message>
    <message>
        <source>Show the measure panel and move the keyboard there</source>
        <translation>显示任务详情面板并将键盘焦点移到该处</translation>
    </message>
    <message>
        <source>&amp;Departments</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>Show the departments panel and move the keyboard there</source>
        <translation>显示部门面板并将键盘焦点移到该处</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>检查结果(&amp;F)</translation>
    </message>
    <message>
        <source>Show the plan check and move the keyboard there</source>
        <translation>显示检查结果并将键盘焦点移到该处</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>操作历史(&amp;H)</translation>
    </message>
    <message>
        <source>Show the history of edits and move the keyboard there</source>
        <translation>显示操作历史并将键盘焦点移到该处</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>统计图(&amp;C)</translation>
    </message>
    <message>
        <source>Show the chart panel and move the keyboard there</source>
        <translation>显示统计图面板并将键盘焦点移到该处</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>进展(&amp;P)</translation>
    </message>
    <message>
        <source>Show the progress ledger (进展台账) and the departments to chase</source>
        <translation>显示进展台账和需催报的部门</translation>
    </message>
    <message>
        <source>Change &amp;Log</source>
        <translation>变更记录(&amp;L)</translation>
    </message>
    <message>
        <source>Show every change recorded in the plan, by department, period and kind</source>
        <translation>按部门、期次和类别显示任务分工中记录的每一项变更</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置面板布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put every panel back where it goes for a window of this size</source>
        <translation>把所有面板放回适合当前窗口大小的位置</translation>
    </message>
    <message>
        <source>Collec&amp;t Returned Workbooks…</source>
        <translation>收集回报工作簿(&amp;T)…</translation>
    </message>
    <message>
        <source>Read the workbooks the departments sent back into the progress ledger</source>
        <translation>将各部门回报的工作簿读入进展台账</translation>
    </message>
    <message>
        <source>&amp;Progress Report</source>
        <translation>进展情况报告(&amp;P)</translation>
    </message>
    <message>
        <source>Print each department&apos;s tasks with their status and progress in the period shown</source>
        <translation>按当前期次打印各单位任务的状态和进展情况</translation>
    </message>
    <message>
        <source>C&amp;hase List (催报清单)</source>
        <translation>催报清单(&amp;H)</translation>
    </message>
    <message>
        <source>Print the departments that returned nothing for the period shown, to chase them</source>
        <translation>打印本期尚未报送进展的部门，以便催报</translation>
    </message>
    <message>
        <source>Reporting Sc&amp;hedule…</source>
        <translation>报送安排(&amp;H)…</translation>
    </message>
    <message>
        <source>Monthly or quarterly reports, the reporting periods and the list of statuses</source>
        <translation>按月或按季度报送、报送期次及状态列表</translation>
    </message>
    <message>
        <source>Colour Cells by &amp;Status</source>
        <translation>按状态为单元格着色(&amp;S)</translation>
    </message>
    <message>
        <source>Colour the matrix by each department&apos;s reported status instead of its role</source>
        <translation>按各部门报送的状态而非职责为矩阵着色</translation>
    </message>
    <message>
        <source>Chinese user interface (takes effect after a restart)</source>
        <translation>中文界面（重启后生效）</translation>
    </message>
    <message>
        <source>English user interface (takes effect after a restart)</source>
        <translation>英文界面（重启后生效）</translation>
    </message>
    <message>
        <source>&amp;About MatrixDesk</source>
        <translation>关于 MatrixDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>版本与许可</translation>
    </message>
    <message>
        <source>Open &amp;Sample Plan</source>
        <translation>打开示例(&amp;S)</translation>
    </message>
    <message>
        <source>Open the sample plan (吉政办发〔2020〕34号)</source>
        <translation>打开示例任务分工（吉政办发〔2020〕34号）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The details are in the log file %1 (Help ▸ About ▸ Open Log Folder).</source>
        <translation>详细信息已记录在日志文件 %1 中（帮助 ▸ 关于 ▸ 打开日志文件夹）。</translation>
    </message>
    <message>
        <source>MatrixDesk — unexpected error</source>
        <translation>MatrixDesk — 意外错误</translation>
    </message>
    <message>
        <source>Something went wrong. Your plan is safe: every edit made before this was already saved.

%1</source>
        <translation>程序出现错误。您的任务分工文件是安全的：此前的每一次编辑均已保存。

%1</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Change %n cell(s)</source>
        <translation>修改 %n 个单元格</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Remove measure</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>添加目标指标</translation>
    </message>
    <message>
        <source>Edit target</source>
        <translation>修改目标指标</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>删除目标指标</translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Remove department</source>
        <translation>删除部门</translation>
    </message>
    <message>
        <source>Rename department</source>
        <translation>重命名部门</translation>
    </message>
    <message>
        <source>Edit aliases</source>
        <translation>修改别名</translation>
    </message>
    <message>
        <source>Move department</source>
        <translation>移动部门</translation>
    </message>
    <message>
        <source>Merge departments</source>
        <translation>合并部门</translation>
    </message>
    <message>
        <source>Edit document details</source>
        <translation>修改文件信息</translation>
    </message>
    <message>
        <source>Change reporting schedule</source>
        <translation>修改报送安排</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Collect returned workbooks</source>
        <translation>收集回报工作簿</translation>
    </message>
    <message>
        <source>Edit measure</source>
        <translation>修改任务</translation>
    </message>
    <message>
        <source>Mark collective</source>
        <translation>标记为集体单位</translation>
    </message>
    <message>
        <source>Unmark collective</source>
        <translation>取消集体单位标记</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
</TS>
