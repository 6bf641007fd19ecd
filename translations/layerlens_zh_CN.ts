<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgentAddress</name>
    <message>
        <source>&apos;%1&apos; is not HOST:PORT</source>
        <translation>&apos;%1&apos; 不是 HOST:PORT 格式</translation>
    </message>
</context>
<context>
    <name>AgentClient</name>
    <message>
        <source>%1: no PEM certificate</source>
        <translation>%1：不是 PEM 证书</translation>
    </message>
    <message>
        <source>%1: TLS connection failed: %2</source>
        <translation>%1：TLS 连接失败：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>no answer to %1 within %2 s</source>
        <translation>%2 秒内未收到对 %1 的应答</translation>
    </message>
    <message>
        <source>the agent closed the connection</source>
        <translation>代理已关闭连接</translation>
    </message>
    <message>
        <source>the agent sent a malformed frame: %1</source>
        <translation>代理发送了格式错误的帧：%1</translation>
    </message>
    <message>
        <source>uploading %1: %2</source>
        <translation>上传 %1：%2</translation>
    </message>
    <message>
        <source>%1: cannot be read</source>
        <translation>%1：无法读取</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message numerus="yes">
        <source>%n supported layer(s) have no cost because their shapes are not known; the totals leave them out</source>
        <translation>
            <numerusform>%n 个受支持的层因形状未知而没有代价；总计不包含它们</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n initializer(s) are not read by any node; they still count in the parameter total</source>
        <translation>
            <numerusform>%n 个初始化器未被任何节点读取；它们仍计入参数总数</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackendSplit</name>
    <message>
        <source>the backend split has no column for &apos;%1&apos;</source>
        <translation>后端划分缺少 &apos;%1&apos; 的列</translation>
    </message>
</context>
<context>
    <name>BlasRows</name>
    <message>
        <source>the BLAS rows have no threads column</source>
        <translation>BLAS 行没有线程列</translation>
    </message>
</context>
<context>
    <name>CalibratedModel</name>
    <message>
        <source>calibration needs a base model and samples</source>
        <translation>校准需要基础模型和样本</translation>
    </message>
    <message>
        <source>unknown inner model kind &apos;%1&apos;</source>
        <translation>未知的内部模型类型 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>DatasetStore</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing (install libqt6sql6-sqlite)</source>
        <translation>缺少 Qt 的 SQLite 驱动（请安装 libqt6sql6-sqlite）</translation>
    </message>
    <message>
        <source>%1: cannot create its folder</source>
        <translation>%1：无法创建其文件夹</translation>
    </message>
    <message>
        <source>%1: dataset schema %2 is newer than this LayerLens reads (%3)</source>
        <translation>%1：数据集模式 %2 比此版本 LayerLens 能读取的更新（%3）</translation>
    </message>
    <message>
        <source>%1: cannot store sample %2: %3</source>
        <translation>%1：无法存储样本 %2：%3</translation>
    </message>
    <message>
        <source>%1: cannot import sample %2: %3</source>
        <translation>%1：无法导入样本 %2：%3</translation>
    </message>
    <message>
        <source>it names no run or device</source>
        <translation>未指定运行或设备</translation>
    </message>
    <message>
        <source>%1: cannot store a %2 record of run %3: %4</source>
        <translation>%1：无法保存运行 %3 的 %2 记录：%4</translation>
    </message>
    <message>
        <source>%1: cannot import samples: %2</source>
        <translation>%1：无法导入样本：%2</translation>
    </message>
    <message>
        <source>cannot record its device: %1</source>
        <translation>无法记录其设备：%1</translation>
    </message>
</context>
<context>
    <name>DesignSpace</name>
    <message>
        <source>batch %1, utilization %2 %, %3 thread(s)&lt;br&gt;%4 ms, %5 MiB</source>
        <translation>批大小 %1，利用率 %2 %，%3 个线程&lt;br&gt;%4 ms，%5 MiB</translation>
    </message>
</context>
<context>
    <name>DeviceProfile</name>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: schema version %2 is newer than this LayerLens reads (%3); update LayerLens or retrain the profile</source>
        <translation>%1：模式版本 %2 比此版本 LayerLens 能读取的更新（%3）；请更新 LayerLens 或重新训练配置文件</translation>
    </message>
    <message>
        <source>%1: unknown schema version %2</source>
        <translation>%1：未知的模式版本 %2</translation>
    </message>
    <message>
        <source>%1: module %2: %3</source>
        <translation>%1：模块 %2：%3</translation>
    </message>
    <message>
        <source>%1: module %2: unknown target &apos;%3&apos; or model kind &apos;%4&apos;</source>
        <translation>%1：模块 %2：未知的目标 &apos;%3&apos; 或模型类型 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: operator cost of %2 is not a set of non-negative numbers</source>
        <translation>%1：%2 的算子代价不是一组非负数</translation>
    </message>
    <message>
        <source>%1: in-network factor of %2 is not a positive number</source>
        <translation>%1：%2 的网络内系数不是正数</translation>
    </message>
    <message>
        <source>%1: a cache-miss cost is not a positive capacity with non-negative costs</source>
        <translation>%1：缓存未命中代价不是正的容量加非负的代价</translation>
    </message>
    <message>
        <source>%1: the speed reference is not a positive time</source>
        <translation>%1：速度基准不是正的时间</translation>
    </message>
    <message>
        <source>%1: the cost of writes beyond the high-water mark is not a non-negative number</source>
        <translation>%1：超出高水位线写入的代价不是非负数</translation>
    </message>
    <message>
        <source>%1: the in-network spread of %2 is not a range around 1 with non-negative deviations</source>
        <translation>%1：%2 的网络内离散度不是包含 1 且偏差非负的范围</translation>
    </message>
    <message>
        <source>%1: a condition spread is not threads, a utilization of 0-100 % and a non-negative width</source>
        <translation>%1：某个条件离散度不是由线程数、0-100 % 的负载和非负宽度组成</translation>
    </message>
    <message>
        <source>%1: the cache-miss share on two threads is not a number from 0 to 1</source>
        <translation>%1：两个线程上的缓存未命中份额不是 0 到 1 之间的数</translation>
    </message>
    <message>
        <source>%1: the overhead per block on two threads is not a non-negative number</source>
        <translation>%1：两个线程上每个块的额外开销不是非负数</translation>
    </message>
    <message>
        <source>%1: the factor of %2 on two threads is not a positive number</source>
        <translation>%1：%2 在两个线程上的系数不是正数</translation>
    </message>
    <message>
        <source>%1: the largest block %2&apos;s factor on two threads was fitted on is not a positive number of milliseconds</source>
        <translation>%1：拟合 %2 双线程系数所用的最大块不是正的毫秒数</translation>
    </message>
    <message>
        <source>%1: a load factor is not threads, a utilization of 1-100 %, a finite factor and slope, a range of block times and a non-negative width, one per thread count</source>
        <translation>%1：负载因子不是由线程数、1-100 % 的利用率、有限的因子和斜率、块时间范围及非负宽度组成，或同一线程数有多个</translation>
    </message>
    <message>
        <source>%1: what %2&apos;s first block in a run costs is not a positive number of milliseconds</source>
        <translation>%1：%2 在一次运行中首个块的开销不是正的毫秒数</translation>
    </message>
</context>
<context>
    <name>DeviceRegistry</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: not a device list (%2)</source>
        <translation>%1：不是设备列表（%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a device name is 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and not &apos;local&apos;</source>
        <translation>&apos;%1&apos;：设备名称须为 1–64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;，且不能是 &apos;local&apos;</translation>
    </message>
    <message>
        <source>%1: cannot create the token folder</source>
        <translation>%1：无法创建令牌文件夹</translation>
    </message>
    <message>
        <source>no device named &apos;%1&apos;</source>
        <translation>没有名为 &apos;%1&apos; 的设备</translation>
    </message>
</context>
<context>
    <name>EnergyMeter</name>
    <message>
        <source>no readable energy sensor (RAPL powercap, hwmon energy input or NVML) on this device</source>
        <translation>此设备上没有可读的能耗传感器（RAPL powercap、hwmon 能耗输入或 NVML）</translation>
    </message>
</context>
<context>
    <name>Executor</name>
    <message>
        <source>operators of domain %1 are not supported</source>
        <translation>不支持域 %1 的算子</translation>
    </message>
    <message>
        <source>no LibTorch kernel for this operator</source>
        <translation>此算子没有 LibTorch 内核</translation>
    </message>
    <message>
        <source>sequence, map and optional values are not supported</source>
        <translation>不支持序列、映射和可选值</translation>
    </message>
    <message>
        <source>element type %1 has no LibTorch equivalent</source>
        <translation>元素类型 %1 在 LibTorch 中没有对应类型</translation>
    </message>
    <message>
        <source>half-precision arithmetic is not supported on the CPU device</source>
        <translation>CPU 设备不支持半精度运算</translation>
    </message>
    <message>
        <source>operators with subgraphs are not supported</source>
        <translation>不支持带子图的算子</translation>
    </message>
    <message>
        <source>%1 node(s) cannot run on the LibTorch executor: %2</source>
        <translation>%1 个节点无法在 LibTorch 执行器上运行：%2</translation>
    </message>
    <message>
        <source>the constant &apos;%1&apos; has no data LayerLens can use</source>
        <translation>常量 &apos;%1&apos; 没有 LayerLens 可用的数据</translation>
    </message>
    <message>
        <source>the network takes %1 inputs, not %2</source>
        <translation>网络有 %1 个输入，而不是 %2 个</translation>
    </message>
    <message>
        <source>%1 %2 nodes, the first &apos;%3&apos; (%4)</source>
        <translation>%1 个 %2 节点，第一个为 &apos;%3&apos;（%4）</translation>
    </message>
</context>
<context>
    <name>FeatureEncoding</name>
    <message>
        <source>the feature encoding is missing or unknown</source>
        <translation>特征编码缺失或未知</translation>
    </message>
    <message>
        <source>%1 = %2 is outside the trained %3 to %4</source>
        <translation>%1 = %2 超出训练范围 %3 到 %4</translation>
    </message>
    <message>
        <source>the BLAS rows name a column the encoding does not have</source>
        <translation>BLAS 行指向编码中不存在的列</translation>
    </message>
</context>
<context>
    <name>FootprintSplit</name>
    <message>
        <source>the footprint split has no cache capacity</source>
        <translation>按数据量的划分缺少缓存容量</translation>
    </message>
    <message>
        <source>the footprint split has no column for &apos;%1&apos;</source>
        <translation>按数据量的划分缺少 &apos;%1&apos; 的列</translation>
    </message>
</context>
<context>
    <name>GraphBuilder</name>
    <message>
        <source>has an initializer without a name</source>
        <translation>有一个未命名的初始化器</translation>
    </message>
    <message>
        <source>has two initializers named &apos;%1&apos;</source>
        <translation>有两个名为 &apos;%1&apos; 的初始化器</translation>
    </message>
    <message>
        <source>initializer &apos;%1&apos; %2</source>
        <translation>初始化器 &apos;%1&apos; %2</translation>
    </message>
    <message>
        <source>the model has %1 sparse initializers; LayerLens does not count their parameters</source>
        <translation>模型有 %1 个稀疏初始化器；LayerLens 不计算其参数</translation>
    </message>
    <message>
        <source>has no symbolic dimension named &apos;%1&apos; (its inputs have none)</source>
        <translation>没有名为 &apos;%1&apos; 的符号维度（其输入没有符号维度）</translation>
    </message>
    <message>
        <source>has no symbolic dimension named &apos;%1&apos; (it has: %2)</source>
        <translation>没有名为 &apos;%1&apos; 的符号维度（现有：%2）</translation>
    </message>
    <message>
        <source>the model&apos;s inputs have a fixed batch size; the requested batch size %1 was not applied</source>
        <translation>模型输入的批大小是固定的；未应用所请求的批大小 %1</translation>
    </message>
    <message>
        <source>has a graph input without a name</source>
        <translation>有一个未命名的图输入</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has a dimension of unknown size at axis %2, with no name to bind it by</source>
        <translation>输入 &apos;%1&apos; 在轴 %2 上有大小未知的维度，且没有可用于绑定的名称</translation>
    </message>
    <message>
        <source>symbolic dimension &apos;%1&apos; of input &apos;%2&apos; (axis %3) needs a value</source>
        <translation>输入 &apos;%2&apos; 的符号维度 &apos;%1&apos;（轴 %3）需要一个值</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has a negative dimension</source>
        <translation>输入 &apos;%1&apos; 有负的维度</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; declares no shape; shapes that depend on it are unknown</source>
        <translation>输入 &apos;%1&apos; 未声明形状；依赖它的形状未知</translation>
    </message>
    <message>
        <source>symbolic dimensions &apos;%1&apos; of the inputs need values</source>
        <translation>输入的符号维度 &apos;%1&apos; 需要取值</translation>
    </message>
    <message>
        <source>a %1 node</source>
        <translation>一个 %1 节点</translation>
    </message>
    <message>
        <source>node &apos;%1&apos; (%2)</source>
        <translation>节点 &apos;%1&apos;（%2）</translation>
    </message>
    <message>
        <source>has no operator type</source>
        <translation>没有算子类型</translation>
    </message>
    <message>
        <source>uses domain &apos;%1&apos;, for which the model imports no opset</source>
        <translation>使用了域 &apos;%1&apos;，但模型未导入该域的 opset</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; %2</source>
        <translation>属性 &apos;%1&apos; %2</translation>
    </message>
    <message>
        <source>writes &apos;%1&apos;, which node &apos;%2&apos; also writes</source>
        <translation>写入 &apos;%1&apos;，而节点 &apos;%2&apos; 也写入它</translation>
    </message>
    <message>
        <source>writes &apos;%1&apos;, which is a graph input or initializer</source>
        <translation>写入 &apos;%1&apos;，而它是图输入或初始化器</translation>
    </message>
    <message>
        <source>reads &apos;%1&apos;, which no node, graph input or initializer provides</source>
        <translation>读取 &apos;%1&apos;，但没有节点、图输入或初始化器提供它</translation>
    </message>
    <message>
        <source>has a subgraph that reads &apos;%1&apos;, which nothing provides</source>
        <translation>有一个子图读取 &apos;%1&apos;，但没有任何东西提供它</translation>
    </message>
    <message>
        <source>declares graph output &apos;%1&apos;, which nothing produces</source>
        <translation>声明了图输出 &apos;%1&apos;，但没有任何东西产生它</translation>
    </message>
    <message>
        <source>the graph declares no outputs</source>
        <translation>图未声明任何输出</translation>
    </message>
    <message>
        <source>has a cycle: node %1 depends on its own output (nodes involved include %2)</source>
        <translation>存在环：节点 %1 依赖其自身的输出（涉及的节点包括 %2）</translation>
    </message>
</context>
<context>
    <name>MednModel</name>
    <message>
        <source>medn: the network does not match its features and targets</source>
        <translation>medn：网络与其特征和目标不匹配</translation>
    </message>
</context>
<context>
    <name>MednNetwork</name>
    <message>
        <source>medn: inconsistent training data</source>
        <translation>medn：训练数据不一致</translation>
    </message>
</context>
<context>
    <name>MlpModel</name>
    <message>
        <source>mlp needs at least two samples</source>
        <translation>mlp 至少需要两个样本</translation>
    </message>
    <message>
        <source>mlp: the network does not match its features</source>
        <translation>mlp：网络与其特征不匹配</translation>
    </message>
</context>
<context>
    <name>NetworkPredictor</name>
    <message>
        <source>the profile has no model of module %1</source>
        <translation>配置文件中没有模块 %1 的模型</translation>
    </message>
    <message>
        <source>no module of the profiling spec covers %1</source>
        <translation>性能剖析规范中没有模块覆盖 %1</translation>
    </message>
    <message>
        <source>a shape of the block is unknown</source>
        <translation>该块的某个形状未知</translation>
    </message>
    <message>
        <source>%1, predicted as %2 (same memory access; no module of its own)</source>
        <translation>%1，按 %2 预测（内存访问方式相同；没有自己的模块）</translation>
    </message>
    <message>
        <source>%1 has no module: its cost inside networks, learned by calibrate from %2 timed nodes (MAPE %3 %)</source>
        <translation>%1 没有模块：其在网络中的代价，由 calibrate 从 %2 个计时节点学得（MAPE %3 %）</translation>
    </message>
    <message>
        <source>data movement: in the whole network&apos;s per-operator term only</source>
        <translation>数据搬移：仅计入整个网络的每算子项</translation>
    </message>
    <message>
        <source>Conv in %1 groups, predicted as %2 with one group&apos;s output channels (the same multiply-adds on the same input and weights; no module of its own)</source>
        <translation>分 %1 组的 Conv，按 %2 以一组的输出通道预测（相同的乘加运算、相同的输入和权重；没有自己的模块）</translation>
    </message>
    <message>
        <source>Conv with a non-square kernel, predicted as %1 with a 1x1 kernel over %2 times the input channels (its im2col product: the same multiply-adds and weights; no module of its own)</source>
        <translation>非方形卷积核的 Conv，按 %1 以 1x1 卷积核、%2 倍输入通道预测（其 im2col 乘积：相同的乘加运算和权重；没有自己的模块）</translation>
    </message>
</context>
<context>
    <name>NeuralNetwork</name>
    <message>
        <source>unknown activation</source>
        <translation>未知的激活函数</translation>
    </message>
    <message>
        <source>a head must end in one output</source>
        <translation>输出头必须以单个输出结束</translation>
    </message>
    <message>
        <source>the network has no layers</source>
        <translation>网络没有层</translation>
    </message>
</context>
<context>
    <name>NeuralTrainer</name>
    <message>
        <source>too little data to train on</source>
        <translation>训练数据太少</translation>
    </message>
    <message>
        <source>LibTorch training failed: %1</source>
        <translation>LibTorch 训练失败：%1</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>%1: choose .png, .svg or .pdf</source>
        <translation>%1：请选择 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1：无法写入文件</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
</context>
<context>
    <name>Prediction</name>
    <message>
        <source>no network or no device profile</source>
        <translation>没有网络或设备配置文件</translation>
    </message>
</context>
<context>
    <name>Refinement</name>
    <message>
        <source>%1: %2 configurations (held-out MAPE %3 %, worst sample error %4 %)</source>
        <translation>%1：%2 个配置（留出集 MAPE %3 %，最差样本误差 %4 %）</translation>
    </message>
</context>
<context>
    <name>RemoteOptions</name>
    <message>
        <source>File with the agent&apos;s token (for HOST:PORT devices).</source>
        <translation>包含代理令牌的文件（用于 HOST:PORT 设备）。</translation>
    </message>
    <message>
        <source>Reach the agent over TLS.</source>
        <translation>通过 TLS 连接代理。</translation>
    </message>
    <message>
        <source>Also trust this PEM certificate (a self-signed agent).</source>
        <translation>同时信任此 PEM 证书（自签名的代理）。</translation>
    </message>
</context>
<context>
    <name>ShapeResolver</name>
    <message>
        <source>node %1 could not be evaluated on its constant inputs: %2</source>
        <translation>无法用常量输入计算节点 %1：%2</translation>
    </message>
    <message>
        <source>shape inference failed at node %1: %2</source>
        <translation>节点 %1 处的形状推断失败：%2</translation>
    </message>
    <message>
        <source>node %1 uses an operator ONNX does not define at this opset; its output shapes come from the file&apos;s declarations, if any</source>
        <translation>节点 %1 使用了 ONNX 在此 opset 中未定义的算子；其输出形状取自文件中的声明（如有）</translation>
    </message>
    <message>
        <source>graph output &apos;%1&apos; is declared with another shape than the %2 LayerLens computed</source>
        <translation>图输出 &apos;%1&apos; 声明的形状与 LayerLens 计算出的 %2 不同</translation>
    </message>
    <message>
        <source>the output shape of node %1 is not fully known (%2); it depends on data or on an operator LayerLens cannot infer</source>
        <translation>节点 %1 的输出形状未完全确定（%2）；它取决于数据或 LayerLens 无法推断的算子</translation>
    </message>
    <message numerus="yes">
        <source>%n more node(s) have unknown shapes because their inputs do</source>
        <translation>
            <numerusform>另有 %n 个节点因其输入形状未知而形状未知</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agent</name>
    <message>
        <source>layerlens-agent: warning: %1 is readable by others; chmod 600 it</source>
        <translation>layerlens-agent：警告：%1 可被他人读取；请执行 chmod 600</translation>
    </message>
    <message>
        <source>%1: the token must have at least 16 characters</source>
        <translation>%1：令牌至少需要 16 个字符</translation>
    </message>
    <message>
        <source>LayerLens device agent: serves profiling, measurement and training jobs to LayerLens hosts that present its token, journals every result in its own dataset, and resumes an interrupted job when it starts again.</source>
        <translation>LayerLens 设备代理：为出示其令牌的 LayerLens 主机执行性能剖析、测量和训练作业，将每个结果记录到自己的数据集中，并在再次启动时恢复被中断的作业。</translation>
    </message>
    <message>
        <source>Print this device&apos;s description as JSON and exit.</source>
        <translation>以 JSON 输出此设备的描述并退出。</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:7878; port 0 picks a free one).</source>
        <translation>监听的地址和端口（默认 127.0.0.1:7878；端口 0 选择空闲端口）。</translation>
    </message>
    <message>
        <source>File holding the token hosts must present; created with a random token (mode 0600) when missing. Default: ~/.config/layerlens/agent.token.</source>
        <translation>保存主机须出示的令牌的文件；缺失时以随机令牌创建（权限 0600）。默认：~/.config/layerlens/agent.token。</translation>
    </message>
    <message>
        <source>Folder for the agent&apos;s dataset, networks, profiles and job journal. Default: ~/.local/share/layerlens/agent.</source>
        <translation>代理的数据集、网络、配置文件和作业日志所在文件夹。默认：~/.local/share/layerlens/agent。</translation>
    </message>
    <message>
        <source>PEM certificate: serve TLS only.</source>
        <translation>PEM 证书：仅通过 TLS 提供服务。</translation>
    </message>
    <message>
        <source>PEM private key of --tls-cert.</source>
        <translation>--tls-cert 对应的 PEM 私钥。</translation>
    </message>
    <message>
        <source>layerlens-agent: --tls-cert and --tls-key go together</source>
        <translation>layerlens-agent：--tls-cert 和 --tls-key 必须同时使用</translation>
    </message>
    <message>
        <source>layerlens-agent: --listen needs ADDR:PORT with a numeric address, not &apos;%1&apos;</source>
        <translation>layerlens-agent：--listen 需要数字地址形式的 ADDR:PORT，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>layerlens-agent: warning: listening beyond this machine without TLS; the token and the data cross the network in clear</source>
        <translation>layerlens-agent：警告：在本机之外监听且未启用 TLS；令牌和数据将以明文在网络上传输</translation>
    </message>
    <message>
        <source>created a new token in %1 (give it to the hosts that may use this device)</source>
        <translation>已在 %1 中创建新令牌（请交给可以使用此设备的主机）</translation>
    </message>
    <message>
        <source>layerlens-agent %1 listening on %2:%3%4, token file %5, data %6</source>
        <translation>layerlens-agent %1 正在监听 %2:%3%4，令牌文件 %5，数据 %6</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation>（TLS）</translation>
    </message>
    <message>
        <source>layerlens-agent: stopping; a running job resumes at the next start</source>
        <translation>layerlens-agent：正在停止；运行中的作业将在下次启动时恢复</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>%1 must be %2, not &apos;%3&apos;</source>
        <translation>%1 必须是 %2，而不是 &apos;%3&apos;</translation>
    </message>
    <message>
        <source>%1: no such dataset (profile creates it)</source>
        <translation>%1：没有此数据集（profile 会创建它）</translation>
    </message>
    <message>
        <source>%1 needs a positive whole number, not &apos;%2&apos;</source>
        <translation>%1 需要一个正整数，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 takes whole numbers from %2 to %3, not &apos;%4&apos;</source>
        <translation>%1 接受 %2 到 %3 之间的整数，而不是 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>Usage: layerlens-cli COMMAND [OPTIONS]

Commands:
  analyze MODEL.onnx   every layer&apos;s shapes and analytic cost, and the network&apos;s totals
  measure MODEL.onnx   run the network on this device: latency, memory, energy
  conformance DIR      ONNX backend node tests through the LibTorch executor
  profile              measure module configurations into a dataset
  datasets             summarize, export or import profiling datasets
  train                fit and select regression models into a device profile
  models PROFILE_DIR   a profile&apos;s evaluation and selection tables
  devices              list, add or remove remote devices (layerlens-agent)
  device-info          describe a remote device
  predict MODEL.onnx   per-layer latency, memory and energy on a device, swept
  calibrate            adapt a device profile to this machine in minutes
  report MODEL.onnx    HTML, PDF, CSV, JSON or Netron report of a prediction

Options:
  -h, --help           this help; &apos;layerlens-cli COMMAND --help&apos; for a command&apos;s options
  -v, --version        the LayerLens version
</source>
        <translation>用法：layerlens-cli 命令 [选项]

命令：
  analyze MODEL.onnx   每层的形状和解析代价，以及网络总计
  measure MODEL.onnx   在本设备上运行网络：延迟、内存、能耗
  conformance DIR      通过 LibTorch 执行器运行 ONNX 后端节点测试
  profile              测量模块配置并存入数据集
  datasets             汇总、导出或导入性能剖析数据集
  train                拟合并选择回归模型，生成设备配置文件
  models PROFILE_DIR   配置文件的评估与选择表
  devices              列出、添加或删除远程设备（layerlens-agent）
  device-info          描述远程设备
  predict MODEL.onnx   设备上每层的延迟、内存和能耗，可扫描参数
  calibrate            在几分钟内使设备配置文件适配本机
  report MODEL.onnx    预测结果的 HTML、PDF、CSV、JSON 或 Netron 报告

选项：
  -h, --help           本帮助；&apos;layerlens-cli 命令 --help&apos; 查看命令的选项
  -v, --version        LayerLens 版本
</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>未给出命令</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; try --help</source>
        <translation>未知命令 &apos;%1&apos;；请尝试 --help</translation>
    </message>
    <message>
        <source>Device profile: a profile folder, a saved profile name, or a built-in one (%1; default %2).</source>
        <translation>设备配置文件：配置文件夹、已保存的配置文件名或内置配置文件（%1；默认 %2）。</translation>
    </message>
    <message>
        <source>%1 takes no arguments besides its options: &apos;%2&apos; (an option that takes several values is repeated before each)</source>
        <translation>%1 除选项外不接受参数：&apos;%2&apos;（取多个值的选项需在每个值前重复）</translation>
    </message>
    <message>
        <source>%1 takes at most %2 arguments; &apos;%3&apos; is one too many</source>
        <translation>%1 最多接受 %2 个参数；&apos;%3&apos; 多余</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>layerlens</name>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>layerlens::cli</name>
    <message>
        <source>Loads an ONNX network, binds its symbolic dimensions, and prints every layer&apos;s shapes and analytic cost (MACs, FLOPs, parameters, bytes, arithmetic intensity) with the network&apos;s totals and peak activation memory.</source>
        <translation>加载 ONNX 网络，绑定其符号维度，并输出每层的形状和解析代价（MACs、FLOPs、参数、字节数、算术强度），以及网络总计和激活内存峰值。</translation>
    </message>
    <message>
        <source>The ONNX file to analyse.</source>
        <translation>要分析的 ONNX 文件。</translation>
    </message>
    <message>
        <source>Batch size: value of the symbolic dimension at axis 0 of the inputs (default 1).</source>
        <translation>批大小：输入在轴 0 上的符号维度的值（默认 1）。</translation>
    </message>
    <message>
        <source>Value of a named symbolic dimension; repeatable.</source>
        <translation>命名符号维度的值；可重复。</translation>
    </message>
    <message>
        <source>Output format: table (default), json or csv.</source>
        <translation>输出格式：table（默认）、json 或 csv。</translation>
    </message>
    <message>
        <source>Table format: also list the shape nodes folded at load time.</source>
        <translation>表格格式：同时列出加载时折叠的形状节点。</translation>
    </message>
    <message>
        <source>analyze needs the ONNX file to analyse</source>
        <translation>analyze 需要要分析的 ONNX 文件</translation>
    </message>
    <message>
        <source>analyze takes one ONNX file, not %1 arguments</source>
        <translation>analyze 只接受一个 ONNX 文件，而不是 %1 个参数</translation>
    </message>
    <message>
        <source>--dim needs NAME=VALUE, not &apos;%1&apos;</source>
        <translation>--dim 需要 NAME=VALUE，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source> (set with %1)</source>
        <translation>（由 %1 设置）</translation>
    </message>
    <message>
        <source>Adapts a device profile to this machine with a short profiling job: the base profile&apos;s models are kept and corrected per module and metric from a few local samples (few-shot transfer), the per-operator overhead is measured on the given networks, and the error before and after is printed on held-out samples.</source>
        <translation>通过一次简短的性能剖析作业使设备配置文件适配本机：保留基础配置文件的模型，并按模块和指标用少量本地样本进行校正（小样本迁移），在给定网络上测量每算子开销，并在留出样本上输出校正前后的误差。</translation>
    </message>
    <message>
        <source>Profile to start from (default %1).</source>
        <translation>起始配置文件（默认 %1）。</translation>
    </message>
    <message>
        <source>Profile folder to write.</source>
        <translation>要写入的配置文件夹。</translation>
    </message>
    <message>
        <source>Profiling time budget (default 3m).</source>
        <translation>性能剖析时间预算（默认 3m）。</translation>
    </message>
    <message>
        <source>Profile this many samples instead of a time budget.</source>
        <translation>按此样本数进行剖析，而非时间预算。</translation>
    </message>
    <message>
        <source>Dataset that keeps the samples; default: %1.</source>
        <translation>保存样本的数据集；默认：%1。</translation>
    </message>
    <message>
        <source>ONNX file or folder whose layers to profile; repeatable.</source>
        <translation>要剖析其各层的 ONNX 文件或文件夹；可重复。</translation>
    </message>
    <message>
        <source>calibrate needs --out PROFILE_DIR</source>
        <translation>calibrate 需要 --out PROFILE_DIR</translation>
    </message>
    <message>
        <source>--budget needs a duration such as 90s, 3m or 1h, not &apos;%1&apos;</source>
        <translation>--budget 需要诸如 90s、3m 或 1h 的时长，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1：没有此文件或文件夹</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Operators with at least one passing test:
</source>
        <translation>至少通过一个测试的算子：
</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 unsupported (of %4 tests)
</source>
        <translation>%1 个通过，%2 个失败，%3 个不支持（共 %4 个测试）
</translation>
    </message>
    <message>
        <source>Runs ONNX backend node tests (folders holding model.onnx and test_data_set_*/) through the LibTorch executor and compares every output with the expected one.</source>
        <translation>通过 LibTorch 执行器运行 ONNX 后端节点测试（包含 model.onnx 和 test_data_set_*/ 的文件夹），并将每个输出与期望值比较。</translation>
    </message>
    <message>
        <source>Folder of test folders, e.g. /usr/share/libonnx-testdata/data/node</source>
        <translation>测试文件夹所在的文件夹，例如 /usr/share/libonnx-testdata/data/node</translation>
    </message>
    <message>
        <source>table (default) or json.</source>
        <translation>table（默认）或 json。</translation>
    </message>
    <message>
        <source>conformance needs one folder of ONNX node tests</source>
        <translation>conformance 需要一个 ONNX 节点测试文件夹</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1：没有此文件夹</translation>
    </message>
    <message>
        <source>%1: no test folders with a model.onnx</source>
        <translation>%1：没有包含 model.onnx 的测试文件夹</translation>
    </message>
    <message>
        <source>Runs an ONNX network on this device with LibTorch (CPU) and reports its latency (median, p10, min, coefficient of variation, run count, and whether two interleaved halves of the runs agree), the peak memory a run allocates, and energy per inference where the device has an energy sensor.</source>
        <translation>在本设备上用 LibTorch（CPU）运行 ONNX 网络，报告其延迟（中位数、p10、最小值、变异系数、运行次数，以及交错的两半运行是否一致）、单次运行分配的峰值内存，以及设备有能耗传感器时每次推理的能耗。</translation>
    </message>
    <message>
        <source>The ONNX file to run.</source>
        <translation>要运行的 ONNX 文件。</translation>
    </message>
    <message>
        <source>Batch size (default 1).</source>
        <translation>批大小（默认 1）。</translation>
    </message>
    <message>
        <source>Intra-op threads (default 1).</source>
        <translation>算子内线程数（默认 1）。</translation>
    </message>
    <message>
        <source>Background load to keep on every core while measuring, in percent (default 0).</source>
        <translation>测量期间在每个核心上保持的后台负载，百分比（默认 0）。</translation>
    </message>
    <message>
        <source>Time budget in seconds (default 10).</source>
        <translation>时间预算，单位秒（默认 10）。</translation>
    </message>
    <message>
        <source>Time every layer too.</source>
        <translation>同时为每一层计时。</translation>
    </message>
    <message>
        <source>Where to measure: local (default), a registered device name, or HOST:PORT of a layerlens-agent (with --token-file).</source>
        <translation>测量位置：local（默认）、已注册的设备名，或 layerlens-agent 的 HOST:PORT（配合 --token-file）。</translation>
    </message>
    <message>
        <source>Also write the per-layer timing as a Chrome/Perfetto trace (JSON) to FILE; implies --per-layer.</source>
        <translation>同时将每层计时以 Chrome/Perfetto 跟踪（JSON）写入 FILE；隐含 --per-layer。</translation>
    </message>
    <message>
        <source>measure needs one ONNX file</source>
        <translation>measure 需要一个 ONNX 文件</translation>
    </message>
    <message>
        <source>--utilization needs a percentage from 0 to 100, not &apos;%1&apos;</source>
        <translation>--utilization 需要 0 到 100 的百分比，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-time needs a positive number of seconds, not &apos;%1&apos;</source>
        <translation>--max-time 需要正的秒数，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--per-layer is measured on the local device only in this version</source>
        <translation>此版本中 --per-layer 仅在本地设备上测量</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 on %2: median %3 ms (p10 %4, p90 %5, CV %6 %, %7 runs), peak memory %8 MiB, energy %9
</source>
        <translation>%1 在 %2 上：中位数 %3 ms（p10 %4，p90 %5，变异系数 %6 %，%7 次运行），峰值内存 %8 MiB，能耗 %9
</translation>
    </message>
    <message>
        <source>%1 J</source>
        <translation>%1 J</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Predicts a network&apos;s latency, memory and energy per layer on a device from its profile&apos;s regression models, for every combination of the given batch sizes, utilizations and thread counts, and marks the Pareto-optimal ones.</source>
        <translation>根据设备配置文件中的回归模型，预测网络在设备上每层的延迟、内存和能耗，覆盖所给批大小、利用率和线程数的每种组合，并标出帕累托最优的组合。</translation>
    </message>
    <message>
        <source>The ONNX file.</source>
        <translation>ONNX 文件。</translation>
    </message>
    <message>
        <source>Batch sizes, comma-separated (default 1).</source>
        <translation>批大小，以逗号分隔（默认 1）。</translation>
    </message>
    <message>
        <source>Device utilization by other work in %, comma-separated (default 0).</source>
        <translation>其他工作占用的设备利用率（%），以逗号分隔（默认 0）。</translation>
    </message>
    <message>
        <source>Thread counts, comma-separated (default 1).</source>
        <translation>线程数，以逗号分隔（默认 1）。</translation>
    </message>
    <message>
        <source>Also list every layer (JSON: for every configuration).</source>
        <translation>同时列出每一层（JSON：针对每个配置）。</translation>
    </message>
    <message>
        <source>table (default), json or csv.</source>
        <translation>table（默认）、json 或 csv。</translation>
    </message>
    <message>
        <source>predict needs the ONNX file</source>
        <translation>predict 需要 ONNX 文件</translation>
    </message>
    <message>
        <source>predict takes one ONNX file, not %1 arguments</source>
        <translation>predict 只接受一个 ONNX 文件，而不是 %1 个参数</translation>
    </message>
    <message>
        <source>Profiles module configurations on a device and stores every measurement in a SQLite dataset, one sample at a time. Ctrl-C stops after dropping the sample in flight; --resume continues the same run.</source>
        <translation>在设备上剖析模块配置，并逐个样本地将每次测量存入 SQLite 数据集。Ctrl-C 会丢弃正在进行的样本后停止；--resume 继续同一次运行。</translation>
    </message>
    <message>
        <source>Profiling spec (JSON); default: the built-in spec.</source>
        <translation>性能剖析规范（JSON）；默认：内置规范。</translation>
    </message>
    <message>
        <source>Dataset file; default: %1.</source>
        <translation>数据集文件；默认：%1。</translation>
    </message>
    <message>
        <source>Where to profile: local (default), a registered device name, or HOST:PORT of a layerlens-agent (with --token-file); remote samples are fetched into --db as they are taken.</source>
        <translation>剖析位置：local（默认）、已注册的设备名，或 layerlens-agent 的 HOST:PORT（配合 --token-file）；远程样本在采集时即被取回到 --db。</translation>
    </message>
    <message>
        <source>Time budget: 90s, 10m, 1h30m.</source>
        <translation>时间预算：90s、10m、1h30m。</translation>
    </message>
    <message>
        <source>Samples to take.</source>
        <translation>要采集的样本数。</translation>
    </message>
    <message>
        <source>Continue the latest unfinished run of this spec here.</source>
        <translation>在此继续该规范最近一次未完成的运行。</translation>
    </message>
    <message>
        <source>ONNX file or folder whose layers give real configurations; repeatable.</source>
        <translation>其各层提供真实配置的 ONNX 文件或文件夹；可重复。</translation>
    </message>
    <message>
        <source>Adaptive refinement: measure where this profile&apos;s latency models err most on the dataset&apos;s samples of its device (retrain after with train --base).</source>
        <translation>自适应细化：在该配置文件的延迟模型对数据集中其设备样本误差最大的地方进行测量（之后用 train --base 重新训练）。</translation>
    </message>
    <message>
        <source>--device local cannot share a job with remote devices</source>
        <translation>--device local 不能与远程设备共享作业</translation>
    </message>
    <message>
        <source>--resume and --refine work on the local device; a remote job resumes by itself on its agent</source>
        <translation>--resume 和 --refine 仅用于本地设备；远程作业会在其代理上自行恢复</translation>
    </message>
    <message>
        <source>--budget needs a duration such as 90s, 10m or 1h30m, not &apos;%1&apos;</source>
        <translation>--budget 需要诸如 90s、10m 或 1h30m 的时长，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>profile needs --budget DURATION or --samples N</source>
        <translation>profile 需要 --budget DURATION 或 --samples N</translation>
    </message>
    <message>
        <source>--harvest %1: no such file or folder</source>
        <translation>--harvest %1：没有此文件或文件夹</translation>
    </message>
    <message>
        <source>--refine starts a new run; it cannot be combined with --resume</source>
        <translation>--refine 会开始新的运行；不能与 --resume 同时使用</translation>
    </message>
    <message>
        <source>%1 holds no samples of the device profile %2 was trained on (%3)</source>
        <translation>%1 中没有配置文件 %2 所训练设备的样本（%3）</translation>
    </message>
    <message>
        <source>%1: none of its modules has samples to refine in %2</source>
        <translation>%1：其所有模块在 %2 中都没有可用于细化的样本</translation>
    </message>
    <message>
        <source>refining where %1 errs most:
  %2
</source>
        <translation>在 %1 误差最大之处细化：
  %2
</translation>
    </message>
    <message>
        <source>run %1: %2 samples stored in %3 (%4 per minute), %5 skipped; %6 real configurations harvested; dataset %7
</source>
        <translation>运行 %1：%2 个样本已存入 %3（每分钟 %4 个），跳过 %5 个；采集了 %6 个真实配置；数据集 %7
</translation>
    </message>
    <message>
        <source>  skipped: %1
</source>
        <translation>  已跳过：%1
</translation>
    </message>
    <message>
        <source>Interrupted: the sample in flight was dropped; continue with --resume.
</source>
        <translation>已中断：正在进行的样本已丢弃；请用 --resume 继续。
</translation>
    </message>
    <message>
        <source>Summarizes a profiling dataset per device and module; exports it as CSV or JSON lines, or imports either (samples already stored are skipped).</source>
        <translation>按设备和模块汇总性能剖析数据集；将其导出为 CSV 或 JSON 行，或导入两者之一（已存储的样本会被跳过）。</translation>
    </message>
    <message>
        <source>Write every sample to FILE.csv or FILE.jsonl.</source>
        <translation>将每个样本写入 FILE.csv 或 FILE.jsonl。</translation>
    </message>
    <message>
        <source>Add the samples of a FILE.jsonl or FILE.csv that datasets --export wrote; samples already stored are skipped.</source>
        <translation>添加由 datasets --export 写出的 FILE.jsonl 或 FILE.csv 中的样本；已存储的样本会被跳过。</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>imported %1 new samples of %2
</source>
        <translation>已从 %2 导入 %1 个新样本
</translation>
    </message>
    <message>
        <source>--export: the file must end in .csv or .jsonl</source>
        <translation>--export：文件必须以 .csv 或 .jsonl 结尾</translation>
    </message>
    <message>
        <source>exported %1 samples to %2
</source>
        <translation>已将 %1 个样本导出到 %2
</translation>
    </message>
    <message>
        <source>%1: %2 samples
</source>
        <translation>%1：%2 个样本
</translation>
    </message>
    <message>
        <source>  %1 %2 samples, median latency %3 to %4 ms, last %5
</source>
        <translation>  %1 %2 个样本，延迟中位数 %3 到 %4 ms，最近 %5
</translation>
    </message>
    <message>
        <source>registered device %1: %2</source>
        <translation>已注册设备 %1：%2</translation>
    </message>
    <message>
        <source>--device: %1, nor a registered device (layerlens-cli devices list)</source>
        <translation>--device：%1，也不是已注册的设备（layerlens-cli devices list）</translation>
    </message>
    <message>
        <source>--device %1 needs --token-file FILE</source>
        <translation>--device %1 需要 --token-file FILE</translation>
    </message>
    <message>
        <source>remote job %1 on %2: %3; %4 samples fetched, %5 new in %6 (device %7)%8
</source>
        <translation>远程作业 %1（在 %2 上）：%3；取回 %4 个样本，其中 %5 个新样本存入 %6（设备 %7）%8
</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>; reconnected %1 time(s)</source>
        <translation>；重新连接 %1 次</translation>
    </message>
    <message>
        <source>%1 and %2 are different kinds of device (CPU, cores, memory, OS or BLAS differ); profile them separately</source>
        <translation>%1 和 %2 是不同类型的设备（CPU、核心数、内存、操作系统或 BLAS 不同）；请分别剖析</translation>
    </message>
    <message>
        <source>%1 (share %2/%3): job %4 %5, %6 samples fetched, %7 new%8
</source>
        <translation>%1（份额 %2/%3）：作业 %4 %5，取回 %6 个样本，%7 个新样本%8
</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>merged into %1
</source>
        <translation>已合并到 %1
</translation>
    </message>
    <message>
        <source>Lists, adds or removes the remote devices (layerlens-agent) this host knows. Tokens are stored in their own 0600 files, not in the settings.</source>
        <translation>列出、添加或删除本主机已知的远程设备（layerlens-agent）。令牌保存在各自权限为 0600 的文件中，而不是设置里。</translation>
    </message>
    <message>
        <source>list (default), add or remove.</source>
        <translation>list（默认）、add 或 remove。</translation>
    </message>
    <message>
        <source>local        this machine (in-process)
</source>
        <translation>local        本机（进程内）
</translation>
    </message>
    <message>
        <source>  TLS%1</source>
        <translation>  TLS%1</translation>
    </message>
    <message>
        <source>, trusts %1</source>
        <translation>，信任 %1</translation>
    </message>
    <message>
        <source>devices remove needs NAME</source>
        <translation>devices remove 需要 NAME</translation>
    </message>
    <message>
        <source>removed %1
</source>
        <translation>已删除 %1
</translation>
    </message>
    <message>
        <source>devices add needs NAME HOST:PORT --token-file FILE</source>
        <translation>devices add 需要 NAME HOST:PORT --token-file FILE</translation>
    </message>
    <message>
        <source>added %1 at %2; token kept in %3
</source>
        <translation>已添加 %1（%2）；令牌保存在 %3
</translation>
    </message>
    <message>
        <source>Connects to a device&apos;s agent and prints its description as JSON.</source>
        <translation>连接设备的代理并以 JSON 输出其描述。</translation>
    </message>
    <message>
        <source>HOST:PORT or a registered name.</source>
        <translation>HOST:PORT 或已注册的名称。</translation>
    </message>
    <message>
        <source>device-info needs --device HOST:PORT or a registered device name</source>
        <translation>device-info 需要 --device HOST:PORT 或已注册的设备名</translation>
    </message>
    <message>
        <source>device-info is for remote devices; layerlens-agent --info describes this one</source>
        <translation>device-info 用于远程设备；本机请用 layerlens-agent --info</translation>
    </message>
    <message>
        <source>%1 takes one value in a report; &apos;predict&apos; sweeps several</source>
        <translation>%1 在报告中只接受一个值；&apos;predict&apos; 可扫描多个值</translation>
    </message>
    <message>
        <source>Writes a report of a network&apos;s predicted latency, memory and energy per layer on a device: HTML (one self-contained file with plots), PDF, CSV (one row per layer), JSON (the full result) or a Netron attachment (.netron.json, opened next to the model in Netron). The file&apos;s extension picks the format unless --format is given.</source>
        <translation>写出网络在设备上每层的预测延迟、内存和能耗报告：HTML（带图表的单个独立文件）、PDF、CSV（每层一行）、JSON（完整结果）或 Netron 附件（.netron.json，在 Netron 中与模型一起打开）。除非给出 --format，否则由文件扩展名决定格式。</translation>
    </message>
    <message>
        <source>Device utilization by other work in % (default 0).</source>
        <translation>其他工作占用的设备利用率（%）（默认 0）。</translation>
    </message>
    <message>
        <source>Thread count (default 1).</source>
        <translation>线程数（默认 1）。</translation>
    </message>
    <message>
        <source>The report file: .html, .pdf, .csv, .json or .netron.json.</source>
        <translation>报告文件：.html、.pdf、.csv、.json 或 .netron.json。</translation>
    </message>
    <message>
        <source>html, pdf, csv, json or netron, whatever the extension.</source>
        <translation>html、pdf、csv、json 或 netron，不论扩展名。</translation>
    </message>
    <message>
        <source>report needs the ONNX file</source>
        <translation>report 需要 ONNX 文件</translation>
    </message>
    <message>
        <source>report takes one ONNX file, not %1 arguments</source>
        <translation>report 只接受一个 ONNX 文件，而不是 %1 个参数</translation>
    </message>
    <message>
        <source>report needs --out FILE (.html, .pdf, .csv, .json or .netron.json)</source>
        <translation>report 需要 --out FILE（.html、.pdf、.csv、.json 或 .netron.json）</translation>
    </message>
    <message>
        <source>--format must be html, pdf, csv, json or netron, not &apos;%1&apos;</source>
        <translation>--format 必须是 html、pdf、csv、json 或 netron，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: cannot tell the format from the extension; use .html, .pdf, .csv, .json or .netron.json, or give --format</source>
        <translation>%1：无法从扩展名判断格式；请使用 .html、.pdf、.csv、.json 或 .netron.json，或给出 --format</translation>
    </message>
    <message>
        <source>PDF reports need the Qt GUI library, which this run did not start</source>
        <translation>PDF 报告需要 Qt GUI 库，而本次运行未启动它</translation>
    </message>
    <message>
        <source>wrote %1 (%2 layers, predicted latency %3 ms)
</source>
        <translation>已写入 %1（%2 层，预测延迟 %3 ms）
</translation>
    </message>
    <message>
        <source>warning: %1
</source>
        <translation>警告：%1
</translation>
    </message>
    <message>
        <source>%1: training: %2</source>
        <translation>%1：训练：%2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>trained on %1; profile written to %2
</source>
        <translation>已在 %1 上训练；配置文件已写入 %2
</translation>
    </message>
    <message>
        <source>Trains regression models per module from a profiling dataset, evaluates every kind on held-out configurations, selects per module and target the cheapest model within --tolerance MAPE points of the best, and writes a device profile bundle. Neural kinds (mlp, medn) train with LibTorch.</source>
        <translation>根据性能剖析数据集为每个模块训练回归模型，在留出配置上评估每种模型，按模块和目标选择与最佳模型相差不超过 --tolerance 个 MAPE 百分点的最廉价模型，并写出设备配置文件包。神经网络类模型（mlp、medn）使用 LibTorch 训练。</translation>
    </message>
    <message>
        <source>Device fingerprint, when the dataset holds several.</source>
        <translation>数据集中有多个设备时的设备指纹。</translation>
    </message>
    <message>
        <source>Comma-separated modules to train (default: all).</source>
        <translation>要训练的模块，以逗号分隔（默认：全部）。</translation>
    </message>
    <message>
        <source>Comma-separated model kinds to try (default: all: %1).</source>
        <translation>要尝试的模型类型，以逗号分隔（默认：全部：%1）。</translation>
    </message>
    <message>
        <source>MAPE points within the best that a cheaper model may be selected (default 0.5).</source>
        <translation>较廉价模型可被选中时与最佳模型之间允许的 MAPE 百分点差（默认 0.5）。</translation>
    </message>
    <message>
        <source>Earlier profile of the same device: modules without new samples are taken over from it instead of retrained (incremental retraining; may equal --out).</source>
        <translation>同一设备的早期配置文件：没有新样本的模块直接沿用而不重新训练（增量训练；可与 --out 相同）。</translation>
    </message>
    <message>
        <source>table or json.</source>
        <translation>table 或 json。</translation>
    </message>
    <message>
        <source>Train on a remote device&apos;s agent, from the samples it holds (a registered name or HOST:PORT with --token-file), and download the profile into --out.</source>
        <translation>在远程设备的代理上用其保存的样本训练（已注册名称或配合 --token-file 的 HOST:PORT），并将配置文件下载到 --out。</translation>
    </message>
    <message>
        <source>train needs --out PROFILE_DIR</source>
        <translation>train 需要 --out PROFILE_DIR</translation>
    </message>
    <message>
        <source>--tolerance must be a number of MAPE points &gt;= 0, not &apos;%1&apos;</source>
        <translation>--tolerance 必须是 &gt;= 0 的 MAPE 百分点数，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>skipped: %1
</source>
        <translation>已跳过：%1
</translation>
    </message>
    <message>
        <source>unchanged since the base profile, not retrained: %1
</source>
        <translation>自基础配置文件以来未变，未重新训练：%1
</translation>
    </message>
    <message>
        <source>profile written to %1
</source>
        <translation>配置文件已写入 %1
</translation>
    </message>
    <message>
        <source>Prints a device profile&apos;s evaluation and selection tables.</source>
        <translation>输出设备配置文件的评估与选择表。</translation>
    </message>
    <message>
        <source>Profile folder.</source>
        <translation>配置文件夹。</translation>
    </message>
    <message>
        <source>models needs one profile folder</source>
        <translation>models 需要一个配置文件夹</translation>
    </message>
    <message>
        <source>devices list takes no NAME: &apos;%1&apos;</source>
        <translation>devices list 不接受名称：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>profile %1
</source>
        <translation>配置文件 %1
</translation>
    </message>
    <message>
        <source>Profile nothing: time the speed reference (a fixed small network, 3 s) and say how much faster or slower this machine runs now than when the --base profile was calibrated.</source>
        <translation>不做性能分析：测量速度基准（一个固定的小网络，3 秒），并说明这台机器现在比 --base 配置文件校准时快或慢多少。</translation>
    </message>
    <message>
        <source>With --check: text (default) or json.</source>
        <translation>与 --check 一起使用：text（默认）或 json。</translation>
    </message>
    <message>
        <source>--check profiles nothing; it takes no --%1</source>
        <translation>--check 不做性能分析；它不接受 --%1</translation>
    </message>
    <message>
        <source>--format applies to --check only</source>
        <translation>--format 只适用于 --check</translation>
    </message>
    <message>
        <source>--speed-ratio needs a positive number or &apos;now&apos;, not &apos;%1&apos;</source>
        <translation>--speed-ratio 需要一个正数或 &apos;now&apos;，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 recorded no speed reference to compare with; calibrate it, or give --speed-ratio a number</source>
        <translation>%1 没有记录可供比较的速度基准；请校准它，或为 --speed-ratio 指定一个数字</translation>
    </message>
    <message>
        <source>Scale every latency to a machine that takes R times what the profile&apos;s machine took at calibration: a number (from &apos;calibrate --check&apos;), or &apos;now&apos; to time the speed reference here first (3 s; the profile must have recorded one).</source>
        <translation>将每个延迟换算到一台耗时为配置文件机器校准时 R 倍的机器：一个数字（来自 &apos;calibrate --check&apos;），或 &apos;now&apos; 先在此测量速度基准（3 秒；配置文件必须已记录一个）。</translation>
    </message>
    <message>
        <source>--refit measures nothing; it takes no --%1</source>
        <translation>--refit 不做任何测量；它不接受 --%1</translation>
    </message>
    <message>
        <source>Measure nothing: fit the calibrated profile again from a calibration kept in the dataset (its module samples and network measurements; &apos;last&apos; for the latest), with this LayerLens&apos;s methods, from the base it used unless --base names another.</source>
        <translation>不做测量：用数据集中保存的一次校准（其模块样本和网络测量；&apos;last&apos; 表示最新一次）以此 LayerLens 的方法重新拟合校准后的配置文件，除非 --base 指定其他配置文件，否则以其当时的基础配置文件为起点。</translation>
    </message>
    <message>
        <source>calibrations kept with their network measurements, runs %1 (fit again with &apos;calibrate --refit RUN --db %2 --out DIR&apos;)
</source>
        <translation>保存了网络测量的校准：运行 %1（用 &apos;calibrate --refit RUN --db %2 --out DIR&apos; 重新拟合）
</translation>
    </message>
    <message>
        <source>ONNX file or folder to measure with per-layer timing (at batch 1; also at batch 8 and on 2 threads where a run takes under 150 ms) for the in-network corrections, cache-miss costs and per-operator overhead, and to harvest; repeatable.</source>
        <translation>要逐层计时测量的 ONNX 文件或文件夹（批大小 1；单次运行低于 150 ms 时也在批大小 8 和 2 个线程下测量），用于网络内校正、缓存未命中代价和每算子开销，并用于采集；可重复。</translation>
    </message>
    <message>
        <source>measuring %1 (%2 %)</source>
        <translation>正在测量 %1（%2 %）</translation>
    </message>
</context>
<context>
    <name>layerlens::core</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the token file is empty</source>
        <translation>%1：令牌文件为空</translation>
    </message>
    <message>
        <source>%1: expected a number from %2 to %3</source>
        <translation>%1：应为 %2 到 %3 之间的数</translation>
    </message>
    <message>
        <source>%1: %2; reconnecting</source>
        <translation>%1：%2；正在重新连接</translation>
    </message>
    <message>
        <source>%1: gave up reconnecting (%2); %3 samples imported, the agent keeps the rest for the next fetch</source>
        <translation>%1：放弃重新连接（%2）；已导入 %3 个样本，其余由代理保留以待下次取回</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有此文件</translation>
    </message>
    <message>
        <source>is a folder, not an ONNX file</source>
        <translation>是文件夹，不是 ONNX 文件</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is %1 bytes, over the 2 GB protobuf limit; ONNX files that large must keep their weights in external data files</source>
        <translation>大小为 %1 字节，超过 protobuf 的 2 GB 上限；这么大的 ONNX 文件必须把权重放在外部数据文件中</translation>
    </message>
    <message>
        <source>is not a valid ONNX file: its protobuf data is truncated or corrupted</source>
        <translation>不是有效的 ONNX 文件：其 protobuf 数据被截断或已损坏</translation>
    </message>
    <message>
        <source>is not an ONNX model (no IR version or no graph; the protobuf data may be corrupted)</source>
        <translation>不是 ONNX 模型（没有 IR 版本或图；protobuf 数据可能已损坏）</translation>
    </message>
    <message>
        <source>uses ONNX IR version %1, which predates opset imports; LayerLens reads IR version 3 and later</source>
        <translation>使用 ONNX IR 版本 %1，早于 opset 导入机制；LayerLens 读取 IR 版本 3 及以上</translation>
    </message>
    <message>
        <source>uses ONNX IR version %1, newer than the newest LayerLens knows (%2)</source>
        <translation>使用 ONNX IR 版本 %1，比 LayerLens 所知的最新版本（%2）更新</translation>
    </message>
    <message>
        <source>declares no opset for the default ONNX domain</source>
        <translation>未声明默认 ONNX 域的 opset</translation>
    </message>
    <message>
        <source>uses opset %1; LayerLens reads opsets %2 to %3</source>
        <translation>使用 opset %1；LayerLens 读取 opset %2 到 %3</translation>
    </message>
    <message>
        <source>uses opset %1, newer than the newest LayerLens knows (%2)</source>
        <translation>使用 opset %1，比 LayerLens 所知的最新版本（%2）更新</translation>
    </message>
    <message>
        <source>has a negative dimension (%1)</source>
        <translation>有负的维度（%1）</translation>
    </message>
    <message>
        <source>declares an implausible number of elements</source>
        <translation>声明的元素数量不合理</translation>
    </message>
    <message>
        <source>holds %1 values but its dims declare %2 elements</source>
        <translation>包含 %1 个值，但其维度声明了 %2 个元素</translation>
    </message>
    <message>
        <source>holds %1 strings but its dims declare %2 elements</source>
        <translation>包含 %1 个字符串，但其维度声明了 %2 个元素</translation>
    </message>
    <message>
        <source>has an invalid external-data %1 &apos;%2&apos;</source>
        <translation>外部数据字段 %1 &apos;%2&apos; 无效</translation>
    </message>
    <message>
        <source>says its data is external but names no file</source>
        <translation>声明数据在外部，但未指定文件</translation>
    </message>
    <message>
        <source>names external data &apos;%1&apos; outside the model&apos;s folder</source>
        <translation>指定的外部数据 &apos;%1&apos; 位于模型文件夹之外</translation>
    </message>
    <message>
        <source>keeps its data in &apos;%1&apos;, which does not exist</source>
        <translation>其数据位于 &apos;%1&apos;，但该文件不存在</translation>
    </message>
    <message>
        <source>declares %1 bytes of external data but its dims need %2</source>
        <translation>声明了 %1 字节的外部数据，但其维度需要 %2 字节</translation>
    </message>
    <message>
        <source>needs bytes %1 to %2 of &apos;%3&apos;, which holds only %4</source>
        <translation>需要 &apos;%3&apos; 的第 %1 到 %2 字节，但该文件只有 %4 字节</translation>
    </message>
    <message>
        <source>cannot read external data &apos;%1&apos;: %2</source>
        <translation>无法读取外部数据 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>cannot read %1 bytes of external data from &apos;%2&apos;</source>
        <translation>无法从 &apos;%2&apos; 读取 %1 字节的外部数据</translation>
    </message>
    <message>
        <source>has unknown element type %1</source>
        <translation>元素类型 %1 未知</translation>
    </message>
    <message>
        <source>is a string tensor with raw data, which ONNX does not allow</source>
        <translation>是带原始数据的字符串张量，ONNX 不允许这样</translation>
    </message>
    <message>
        <source>holds %1 bytes of raw data but its dims and type need %2</source>
        <translation>包含 %1 字节原始数据，但其维度和类型需要 %2 字节</translation>
    </message>
    <message>
        <source>holds no data for its %1 elements</source>
        <translation>没有为其 %1 个元素提供数据</translation>
    </message>
    <message>
        <source>keeps an attribute tensor in external data, which LayerLens does not read</source>
        <translation>将属性张量放在外部数据中，LayerLens 不读取这种数据</translation>
    </message>
    <message>
        <source>%1, batch %2, %3 thread(s), background load %4% (achieved %5%)
</source>
        <translation>%1，批大小 %2，%3 个线程，后台负载 %4%（实际 %5%）
</translation>
    </message>
    <message>
        <source>Latency   median %1 ms  p10 %2  min %3  p90 %4  cv %5%  (%6 runs after %7 warm-up, %8 s)
</source>
        <translation>延迟      中位数 %1 ms  p10 %2  最小 %3  p90 %4  变异系数 %5%  （预热 %7 次后运行 %6 次，%8 s）
</translation>
    </message>
    <message>
        <source>Repeatability: interleaved halves differ by %1% (tolerance %2%): %3
</source>
        <translation>可重复性：交错的两半相差 %1%（容差 %2%）：%3
</translation>
    </message>
    <message>
        <source>repeatable</source>
        <translation>可重复</translation>
    </message>
    <message>
        <source>NOT repeatable</source>
        <translation>不可重复</translation>
    </message>
    <message>
        <source>Memory    peak allocated %1 during a run, resident growth %2
</source>
        <translation>内存      单次运行峰值分配 %1，常驻内存增长 %2
</translation>
    </message>
    <message>
        <source>Energy    %1 J per inference (sensors: %2; idle %3 W)
</source>
        <translation>能耗      每次推理 %1 J（传感器：%2；空闲 %3 W）
</translation>
    </message>
    <message>
        <source>Energy    unavailable: %1
</source>
        <translation>能耗      不可用：%1
</translation>
    </message>
    <message>
        <source>
   #  %1  %2  median ms   share
</source>
        <translation>
   #  %1  %2  中位数 ms  占比
</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Sum of layer medians %1 ms; end-to-end median %2 ms; gap %3 ms
</source>
        <translation>各层中位数之和 %1 ms；端到端中位数 %2 ms；差值 %3 ms
</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2)</source>
        <translation>%1：不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <source>%1 holds samples of several devices; choose one with --device-id (%2, %3, ...)</source>
        <translation>%1 包含多个设备的样本；请用 --device-id 选择一个（%2、%3……）</translation>
    </message>
    <message>
        <source>%1: no samples to train on</source>
        <translation>%1：没有可训练的样本</translation>
    </message>
    <message>
        <source>%1: no samples</source>
        <translation>%1：没有样本</translation>
    </message>
    <message>
        <source>no module had enough samples to train (%1)</source>
        <translation>没有模块有足够的样本用于训练（%1）</translation>
    </message>
    <message>
        <source>module %1 has %2 samples; training needs at least %3</source>
        <translation>模块 %1 有 %2 个样本；训练至少需要 %3 个</translation>
    </message>
    <message>
        <source>layer %1 has inconsistent sizes</source>
        <translation>层 %1 的尺寸不一致</translation>
    </message>
    <message>
        <source>device %1, dataset %2
</source>
        <translation>设备 %1，数据集 %2
</translation>
    </message>
    <message>
        <source>module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>MAPE %</source>
        <translation>MAPE %</translation>
    </message>
    <message>
        <source>R2</source>
        <translation>R2</translation>
    </message>
    <message>
        <source>&lt;=10%</source>
        <translation>&lt;=10%</translation>
    </message>
    <message>
        <source>us/pred</source>
        <translation>微秒/次</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>test/train</source>
        <translation>测试/训练</translation>
    </message>
    <message>
        <source>  &lt;- selected</source>
        <translation>  &lt;- 已选</translation>
    </message>
    <message>
        <source>
selection vs one kind everywhere (mean over modules of held-out MAPE %, R2)
</source>
        <translation>
选择结果与处处使用同一类型的比较（各模块留出集 MAPE % 和 R2 的平均）
</translation>
    </message>
    <message>
        <source>%1 (%2 modules): selected %3 / %4</source>
        <translation>%1（%2 个模块）：所选 %3 / %4</translation>
    </message>
    <message>
        <source>, MEDN alone %1 / %2</source>
        <translation>，仅 MEDN %1 / %2</translation>
    </message>
    <message>
        <source>, best single kind %1 %2 / %3
</source>
        <translation>，最佳单一类型 %1 %2 / %3
</translation>
    </message>
    <message>
        <source>  MEDN at least as accurate as every other kind in: %1
</source>
        <translation>  MEDN 至少与其他所有类型一样准确的模块：%1
</translation>
    </message>
    <message>
        <source>no samples of this device to calibrate with</source>
        <translation>没有此设备的样本可用于校准</translation>
    </message>
    <message>
        <source>fit/held</source>
        <translation>拟合/留出</translation>
    </message>
    <message>
        <source>MAPE before</source>
        <translation>校准前 MAPE</translation>
    </message>
    <message>
        <source>after</source>
        <translation>校准后</translation>
    </message>
    <message>
        <source>log y =</source>
        <translation>log y =</translation>
    </message>
    <message>
        <source>kept (no held-out gain)</source>
        <translation>保持不变（留出集上无改进）</translation>
    </message>
    <message>
        <source>no samples here, kept as they were: %1
</source>
        <translation>此处没有样本，保持原样：%1
</translation>
    </message>
    <message>
        <source>latency on %1 held-out samples of this device: MAPE %2 % before, %3 % after
</source>
        <translation>本设备 %1 个留出样本上的延迟：校准前 MAPE %2 %，校准后 %3 %
</translation>
    </message>
    <message>
        <source>the calibration spec is missing from this build</source>
        <translation>此构建缺少校准规范</translation>
    </message>
    <message>
        <source>Interrupted after %1 samples (kept in %2); no profile written.
</source>
        <translation>在 %1 个样本后中断（保存在 %2）；未写出配置文件。
</translation>
    </message>
    <message>
        <source>%1 samples of this device in %2 s (run %3 of %4)
</source>
        <translation>本设备 %1 个样本，用时 %2 s（第 %3 次运行，共 %4 次）
</translation>
    </message>
    <message>
        <source>%1 not measured: %2
</source>
        <translation>%1 未测量：%2
</translation>
    </message>
    <message>
        <source>in-network correction per module (blocks of the measured networks, MAPE before -&gt; after):
</source>
        <translation>按模块的网络内校正（所测网络中的块，MAPE 校正前 -&gt; 校正后）：
</translation>
    </message>
    <message>
        <source>per-operator overhead %1 ms; calibrated profile written to %2
</source>
        <translation>每算子开销 %1 ms；校准后的配置文件已写入 %2
</translation>
    </message>
    <message>
        <source>the profiled device had no energy sensor; energy is unavailable</source>
        <translation>被剖析的设备没有能耗传感器；能耗不可用</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)
</source>
        <translation>%1 在 %2 上（%3）
</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>util %</source>
        <translation>利用率 %</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>latency ms [interval]</source>
        <translation>延迟 ms [区间]</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>  pareto</source>
        <translation>  帕累托</translation>
    </message>
    <message>
        <source>
per layer at batch %1, utilization %2%, %3 thread(s)
</source>
        <translation>
每层（批大小 %1，利用率 %2%，%3 个线程）
</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>  out of distribution</source>
        <translation>  超出分布</translation>
    </message>
    <message>
        <source>%1 layer(s) without a model, counted at the per-operator overhead only: %2
</source>
        <translation>%1 个层没有模型，仅按每算子开销计算：%2
</translation>
    </message>
    <message>
        <source>%1 layer(s) outside the configurations their model was trained on (--per-layer shows which)
</source>
        <translation>%1 个层超出其模型训练时的配置范围（--per-layer 显示具体是哪些）
</translation>
    </message>
    <message>
        <source>energy: unavailable (the profiled device had no energy sensor)
</source>
        <translation>能耗：不可用（被剖析的设备没有能耗传感器）
</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>未校准</translation>
    </message>
    <message>
        <source>predicted in %1 us
</source>
        <translation>预测用时 %1 微秒
</translation>
    </message>
    <message>
        <source>missing key &apos;%1&apos;</source>
        <translation>缺少键 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a sample needs an id, a module and a positive median latency</source>
        <translation>样本需要 id、模块和正的延迟中位数</translation>
    </message>
    <message>
        <source>line 1: not a LayerLens sample CSV (its header differs)</source>
        <translation>第 1 行：不是 LayerLens 样本 CSV（表头不同）</translation>
    </message>
    <message>
        <source>line %1: expected %2 fields</source>
        <translation>第 %1 行：应有 %2 个字段</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>kernel %1 exceeds the padded input %2</source>
        <translation>卷积核 %1 超过填充后的输入 %2</translation>
    </message>
    <message>
        <source>%1: expected an object with one of &quot;choices&quot;, &quot;uniform&quot; or &quot;log_uniform&quot;</source>
        <translation>%1：应为包含 &quot;choices&quot;、&quot;uniform&quot; 或 &quot;log_uniform&quot; 之一的对象</translation>
    </message>
    <message>
        <source>%1: expected a non-empty array of positive integers</source>
        <translation>%1：应为非空的正整数数组</translation>
    </message>
    <message>
        <source>%1: expected positive integers</source>
        <translation>%1：应为正整数</translation>
    </message>
    <message>
        <source>%1: unknown kind of range (use choices, uniform or log_uniform)</source>
        <translation>%1：未知的范围类型（请使用 choices、uniform 或 log_uniform）</translation>
    </message>
    <message>
        <source>%1: expected [low, high] with positive integers</source>
        <translation>%1：应为由正整数组成的 [low, high]</translation>
    </message>
    <message>
        <source>%1: empty range [%2, %3]</source>
        <translation>%1：空范围 [%2, %3]</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1：应为对象</translation>
    </message>
    <message>
        <source>%1.op: unknown module operator &apos;%2&apos; (known: %3)</source>
        <translation>%1.op：未知的模块算子 &apos;%2&apos;（已知：%3）</translation>
    </message>
    <message>
        <source>%1.then: expected an array of operator names</source>
        <translation>%1.then：应为算子名称数组</translation>
    </message>
    <message>
        <source>%1.then: &apos;%2&apos; cannot be fused (Relu, Clip, Sigmoid, HardSwish)</source>
        <translation>%1.then：&apos;%2&apos; 不能融合（可融合 Relu、Clip、Sigmoid、HardSwish）</translation>
    </message>
    <message>
        <source>%1.depthwise: expected true or false</source>
        <translation>%1.depthwise：应为 true 或 false</translation>
    </message>
    <message>
        <source>%1.depthwise: only Conv modules can be depthwise</source>
        <translation>%1.depthwise：只有 Conv 模块可以是深度可分离的</translation>
    </message>
    <message>
        <source>%1.params: expected an object</source>
        <translation>%1.params：应为对象</translation>
    </message>
    <message>
        <source>%1.params.%2: unknown parameter for %3 (known: %4)</source>
        <translation>%1.params.%2：%3 的未知参数（已知：%4）</translation>
    </message>
    <message>
        <source>%1.params: missing &apos;%2&apos;</source>
        <translation>%1.params：缺少 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1.%2: expected a non-empty array of integers from %3 to %4</source>
        <translation>%1.%2：应为 %3 到 %4 之间整数组成的非空数组</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>偏移 %1 处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>the spec must be a JSON object</source>
        <translation>规范必须是 JSON 对象</translation>
    </message>
    <message>
        <source>%1: unknown key (known: %2)</source>
        <translation>%1：未知的键（已知：%2）</translation>
    </message>
    <message>
        <source>version: expected 1</source>
        <translation>version：应为 1</translation>
    </message>
    <message>
        <source>measure: expected an object</source>
        <translation>measure：应为对象</translation>
    </message>
    <message>
        <source>measure.max_time_s: expected seconds in (0, 600]</source>
        <translation>measure.max_time_s：应为 (0, 600] 之间的秒数</translation>
    </message>
    <message>
        <source>measure.min_runs: expected a positive integer</source>
        <translation>measure.min_runs：应为正整数</translation>
    </message>
    <message>
        <source>sampling.harvest_share: expected a number from 0 to 1</source>
        <translation>sampling.harvest_share：应为 0 到 1 之间的数</translation>
    </message>
    <message>
        <source>sampling.seed: expected a positive integer</source>
        <translation>sampling.seed：应为正整数</translation>
    </message>
    <message>
        <source>modules: expected a non-empty object of module specs</source>
        <translation>modules：应为非空的模块规范对象</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Out bytes</source>
        <translation>输出字节</translation>
    </message>
    <message>
        <source>FLOP/B</source>
        <translation>FLOP/B</translation>
    </message>
    <message>
        <source>IR %1, opset %2</source>
        <translation>IR %1，opset %2</translation>
    </message>
    <message>
        <source>Inputs:  </source>
        <translation>输入：   </translation>
    </message>
    <message>
        <source>Outputs: </source>
        <translation>输出：   </translation>
    </message>
    <message>
        <source>Bound:   </source>
        <translation>已绑定： </translation>
    </message>
    <message>
        <source>folded</source>
        <translation>已折叠</translation>
    </message>
    <message>
        <source>unsupp.</source>
        <translation>不支持</translation>
    </message>
    <message>
        <source>Totals over %1 layers</source>
        <translation>%1 层的总计</translation>
    </message>
    <message>
        <source> (and %1 constant nodes folded at load time)</source>
        <translation>（另有 %1 个常量节点在加载时折叠）</translation>
    </message>
    <message>
        <source> (%1 constant nodes folded at load time are hidden; --all shows them)</source>
        <translation>（%1 个加载时折叠的常量节点已隐藏；--all 可显示）</translation>
    </message>
    <message>
        <source>, INCOMPLETE: %1 layers have no cost, so these are lower bounds:
</source>
        <translation>，不完整：%1 个层没有代价，因此以下为下限：
</translation>
    </message>
    <message>
        <source>  MACs              %1  (%2)
</source>
        <translation>  MACs              %1  (%2)
</translation>
    </message>
    <message>
        <source>  FLOPs             %1  (%2)
</source>
        <translation>  FLOPs             %1  (%2)
</translation>
    </message>
    <message>
        <source>  Parameters        %1  (%2, %3)
</source>
        <translation>  参数              %1  (%2, %3)
</translation>
    </message>
    <message>
        <source>  Peak activations  %1  (%2 bytes)
</source>
        <translation>  激活峰值          %1  (%2 字节)
</translation>
    </message>
    <message>
        <source>Unsupported operators (no cost, left out of the totals):</source>
        <translation>不支持的算子（无代价，不计入总计）：</translation>
    </message>
    <message>
        <source>Issues:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>no network or no device profile</source>
        <translation>没有网络或设备配置文件</translation>
    </message>
    <message>
        <source>%1 layer(s) have no model in this profile and count only at the per-operator overhead: %2</source>
        <translation>%1 个层在此配置文件中没有模型，仅按每算子开销计算：%2</translation>
    </message>
    <message>
        <source>%1 layer(s) lie outside the configurations their model was trained on; their predictions are extrapolated (marked in the table)</source>
        <translation>%1 个层超出其模型训练时的配置范围；其预测为外推结果（在表中标出）</translation>
    </message>
    <message>
        <source>Energy is unavailable: the profiled device had no energy sensor, and LayerLens does not estimate energy without one.</source>
        <translation>能耗不可用：被剖析的设备没有能耗传感器，没有传感器时 LayerLens 不估算能耗。</translation>
    </message>
    <message>
        <source>%1 layer(s) have an unknown analytic cost (unsupported operator or unknown shape).</source>
        <translation>%1 个层的解析代价未知（不支持的算子或未知形状）。</translation>
    </message>
    <message>
        <source>The profile&apos;s per-operator overhead is not calibrated; &apos;layerlens-cli calibrate&apos; measures it on the target machine.</source>
        <translation>配置文件的每算子开销未校准；&apos;layerlens-cli calibrate&apos; 可在目标机器上测量。</translation>
    </message>
    <message>
        <source>The least accurate latency model (%1) has a held-out error of %2%.</source>
        <translation>最不准确的延迟模型（%1）的留出误差为 %2%。</translation>
    </message>
    <message>
        <source>fused into %1</source>
        <translation>已融合到 %1</translation>
    </message>
    <message>
        <source>no model: %1</source>
        <translation>无模型：%1</translation>
    </message>
    <message>
        <source>out of distribution: %1</source>
        <translation>超出分布：%1</translation>
    </message>
    <message>
        <source>shape unknown: no analytic cost</source>
        <translation>形状未知：无解析代价</translation>
    </message>
    <message>
        <source>unsupported operator: no analytic cost</source>
        <translation>不支持的算子：无解析代价</translation>
    </message>
    <message>
        <source>batch %1, utilization %2%, %3 thread(s)</source>
        <translation>批大小 %1，利用率 %2%，%3 个线程</translation>
    </message>
    <message>
        <source>%1: PDF reports are written by the desktop library</source>
        <translation>%1：PDF 报告由桌面库写出</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>%1 &lt;span class=&quot;muted&quot;&gt;(90%: %2 – %3)&lt;/span&gt;</source>
        <translation>%1 &lt;span class=&quot;muted&quot;&gt;（90%：%2 – %3）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Latency ms</source>
        <translation>延迟 ms</translation>
    </message>
    <message>
        <source>90% interval</source>
        <translation>90% 区间</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Energy J</source>
        <translation>能耗 J</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>These figures are predictions, not measurements. LayerLens splits the network into blocks the runtime executes as one unit (for example Conv+BatchNorm+Relu), describes each block by the features of its module (shapes, channels, kernel, stride, FLOPs, bytes moved, batch, threads, utilization) and predicts its latency, memory and energy with the regression model the profile selected for that module (linear, polynomial, k-nearest-neighbours, gradient-boosted trees, random forest, MLP or the multi-task MEDN network), chosen by held-out accuracy and prediction cost.</source>
        <translation>这些数字是预测值，而非测量值。LayerLens 将网络划分为运行时作为一个单元执行的块（例如 Conv+BatchNorm+Relu），用其模块的特征（形状、通道、卷积核、步长、FLOPs、搬移字节数、批大小、线程数、利用率）描述每个块，并用配置文件为该模块选定的回归模型（线性、多项式、k 近邻、梯度提升树、随机森林、MLP 或多任务 MEDN 网络）预测其延迟、内存和能耗；模型按留出集准确度和预测代价选择。</translation>
    </message>
    <message>
        <source>How the profile was made:</source>
        <translation>配置文件的生成方式：</translation>
    </message>
    <message>
        <source>Predicted by LayerLens %1 in %2 µs (segmentation and %3 configurations), %4.</source>
        <translation>由 LayerLens %1 预测，用时 %2 微秒（分段及 %3 个配置），%4。</translation>
    </message>
    <message>
        <source>en</source>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>LayerLens report: %1</source>
        <translation>LayerLens 报告：%1</translation>
    </message>
    <message>
        <source>Predicted cost per layer on %1 at batch %2, utilization %3%, %4 thread(s). Created %5 by LayerLens %6.</source>
        <translation>%1 上每层的预测代价，批大小 %2，利用率 %3%，%4 个线程。由 LayerLens %6 于 %5 生成。</translation>
    </message>
    <message>
        <source>Predicted totals</source>
        <translation>预测总计</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>峰值内存</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>%1 samples/s</source>
        <translation>%1 样本/秒</translation>
    </message>
    <message>
        <source>Per-operator overhead</source>
        <translation>每算子开销</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Out-of-distribution layers</source>
        <translation>超出分布的层</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生成工具</translation>
    </message>
    <message>
        <source>Opset</source>
        <translation>Opset</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>%1 run, %2 folded at load time</source>
        <translation>%1 个运行，%2 个在加载时折叠</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块</translation>
    </message>
    <message>
        <source>%1 (layers the runtime fuses count once)</source>
        <translation>%1（运行时融合的层只计一次）</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>MACs / FLOPs</source>
        <translation>MACs / FLOPs</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Peak activations (batch 1)</source>
        <translation>激活峰值（批大小 1）</translation>
    </message>
    <message>
        <source>Device and profile</source>
        <translation>设备与配置文件</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Validation error of the selected models on held-out configurations (mean absolute percentage error):</source>
        <translation>所选模型在留出配置上的验证误差（平均绝对百分比误差）：</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Worst (module)</source>
        <translation>最差（模块）</translation>
    </message>
    <message>
        <source>Held-out samples</source>
        <translation>留出样本</translation>
    </message>
    <message>
        <source>Where the time goes</source>
        <translation>时间花在哪里</translation>
    </message>
    <message>
        <source>Per layer</source>
        <translation>每层</translation>
    </message>
    <message>
        <source>Predicted figures stand on the first layer of each block; the layers fused into it are grey. Orange rows lie outside their model&apos;s training range.</source>
        <translation>预测值标在每个块的第一层上；融合到其中的层显示为灰色。橙色行超出其模型的训练范围。</translation>
    </message>
    <message>
        <source>How these numbers were obtained</source>
        <translation>这些数字的得出方式</translation>
    </message>
    <message>
        <source>Share of the predicted latency per layer and batch size (utilization %1%, %2 thread(s))</source>
        <translation>每层和批大小的预测延迟占比（利用率 %1%，%2 个线程）</translation>
    </message>
    <message>
        <source>the %1 layers with the largest share of %2 modelled layers</source>
        <translation>%2 个有模型的层中占比最大的 %1 个</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批大小 %1</translation>
    </message>
    <message>
        <source>Each cell: % of that batch size&apos;s predicted latency; the rest is layers without a model and the per-operator overhead.</source>
        <translation>每个单元格：该批大小下预测延迟的百分比；其余为无模型的层和每算子开销。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>per-operator overhead</source>
        <translation>每算子开销</translation>
    </message>
    <message>
        <source>Predicted latency by module (batch %1, utilization %2%, %3 thread(s))</source>
        <translation>按模块的预测延迟（批大小 %1，利用率 %2%，%3 个线程）</translation>
    </message>
    <message>
        <source>%1 ms (%2%)</source>
        <translation>%1 ms（%2%）</translation>
    </message>
    <message>
        <source>Total %1 ms</source>
        <translation>总计 %1 ms</translation>
    </message>
    <message>
        <source>; %1 layer block(s) without a model count at the overhead only</source>
        <translation>；%1 个无模型的层块仅按开销计算</translation>
    </message>
    <message>
        <source>a profiling job needs a time budget or a sample count</source>
        <translation>性能剖析作业需要时间预算或样本数</translation>
    </message>
    <message>
        <source>%1: no unfinished run of this spec on this device to resume</source>
        <translation>%1：此设备上没有该规范可恢复的未完成运行</translation>
    </message>
    <message>
        <source>configuration of unknown module %1</source>
        <translation>未知模块 %1 的配置</translation>
    </message>
    <message>
        <source>in-network cost of operators without a module (fixed + per MiB moved + per Mflop):
</source>
        <translation>无模块算子在网络中的代价（固定 + 每搬移 MiB + 每 Mflop）：
</translation>
    </message>
    <message>
        <source>          under load each sample is the mean of back-to-back runs over at least %1 ms (%2 runs in all)
</source>
        <translation>          有负载时每个样本是至少 %1 ms 内连续运行的平均值（共 %2 次运行）
</translation>
    </message>
    <message>
        <source>
   #  %1  %2    mean ms   share
</source>
        <translation>
   #  %1  %2  平均 ms  占比
</translation>
    </message>
    <message>
        <source>Sum of layer means %1 ms; end-to-end median %2 ms; gap %3 ms
</source>
        <translation>各层平均值之和 %1 ms；端到端中位数 %2 ms；差值 %3 ms
</translation>
    </message>
    <message>
        <source>a view of its input at this batch: in the whole network&apos;s data-movement term</source>
        <translation>在此批大小下是其输入的视图：计入整个网络的数据移动项</translation>
    </message>
    <message>
        <source> (median; slope %1 in log time)</source>
        <translation>（中位数；对数时间斜率 %1）</translation>
    </message>
    <message>
        <source>%1 not used: %2
</source>
        <translation>%1 未使用：%2
</translation>
    </message>
    <message>
        <source>memory-bound modules</source>
        <translation>受内存限制的模块</translation>
    </message>
    <message>
        <source>calibrate: end-to-end less per-layer time of %1 network(s) at batch 1, 1 thread</source>
        <translation>calibrate：%1 个网络在批量 1、1 线程下的端到端时间减去逐层时间</translation>
    </message>
    <message>
        <source>cache misses inside networks: this machine lists no cache sizes; not fitted
</source>
        <translation>网络中的缓存未命中：本机未列出缓存大小；未拟合
</translation>
    </message>
    <message>
        <source>cache misses inside networks: no cost lowers the error of the %1 observed blocks; none fitted
</source>
        <translation>网络中的缓存未命中：没有代价能降低 %1 个观测块的误差；未拟合
</translation>
    </message>
    <message>
        <source>cache misses inside networks (%1 blocks; MAPE with a factor per module %2 % -&gt; %3 % with these):
</source>
        <translation>网络中的缓存未命中（%1 个块；每模块一个因子时 MAPE %2 % -&gt; 加上这些后 %3 %）：
</translation>
    </message>
    <message>
        <source>  %1 MiB cache: %2 us per MiB read from beyond it, %3 us after blocks that overflowed it
</source>
        <translation>  %1 MiB 缓存：从其之外读取的每 MiB %2 us，在使其溢出的块之后 %3 us
</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 at batch %2</source>
        <translation>%1（批大小 %2）</translation>
    </message>
    <message>
        <source>samples outside the range the base models were trained on, not used: %1
</source>
        <translation>超出基础模型训练范围的样本，未使用：%1
</translation>
    </message>
    <message>
        <source>  %1 %2 blocks, x%3 (borrowed from %4)%5
</source>
        <translation>  %1 %2 个块，x%3（借自 %4）%5
</translation>
    </message>
    <message>
        <source>%1: measured %2 ms (passes differ %8 %), its %3 operators %4 ms (%5 us per operator between them); its blocks predicted %6 ms (%7 %)
</source>
        <translation>%1：实测 %2 ms（各轮相差 %8 %），其 %3 个算子 %4 ms（算子之间每个 %5 us）；其块预测 %6 ms（%7 %）
</translation>
    </message>
    <message>
        <source>warning: the networks&apos; passes differ by %1 % (median): this machine&apos;s speed changed while calibrating, and the in-network factors carry that change; calibrate again when it is idle
</source>
        <translation>警告：各网络的测量轮次相差 %1 %（中位数）：校准期间本机速度发生了变化，网络内因子带有该变化；请在机器空闲时重新校准
</translation>
    </message>
    <message>
        <source>%1 layer(s) predicted by the module of another operator (%2; --format json gives each one&apos;s &quot;approximation&quot;)
</source>
        <translation>%1 个层由其他算子的模块预测（%2；--format json 给出每层的 &quot;approximation&quot;）
</translation>
    </message>
    <message>
        <source>speed reference not timed: %1
</source>
        <translation>未测量速度基准：%1
</translation>
    </message>
    <message>
        <source>no temporary folder for the speed reference: %1</source>
        <translation>没有用于速度基准的临时文件夹：%1</translation>
    </message>
    <message>
        <source>speed reference now: %1 ms median (%2 runs, cv %3 %)
</source>
        <translation>当前速度基准：中位数 %1 ms（%2 次运行，变异系数 %3 %）
</translation>
    </message>
    <message>
        <source>the profile recorded no speed reference (calibrate records one)
</source>
        <translation>该配置文件没有记录速度基准（calibrate 会记录）
</translation>
    </message>
    <message>
        <source>the profile&apos;s speed reference is of another version (%1, this LayerLens times version %2); calibrate again to compare
</source>
        <translation>该配置文件的速度基准属于另一个版本（%1，此 LayerLens 测量版本 %2）；请重新校准后再比较
</translation>
    </message>
    <message>
        <source>when calibrated: %1 ms median (%2 runs, cv %3 %)
</source>
        <translation>校准时：中位数 %1 ms（%2 次运行，变异系数 %3 %）
</translation>
    </message>
    <message>
        <source>this machine runs as fast as when the profile was calibrated (%1 %)
</source>
        <translation>这台机器的运行速度与配置文件校准时相同（%1 %）
</translation>
    </message>
    <message>
        <source>latencies scaled by x%1: this machine&apos;s speed against the profile&apos;s at calibration (--speed-ratio)
</source>
        <translation>延迟已乘以 x%1：这台机器相对配置文件校准时的速度（--speed-ratio）
</translation>
    </message>
    <message>
        <source>calibration probe %1 not used: this LayerLens writes it differently than the one calibrate timed
</source>
        <translation>未使用校准探针 %1：此 LayerLens 写出的探针与 calibrate 当时测量的不同
</translation>
    </message>
    <message>
        <source>%1: no such dataset</source>
        <translation>%1：没有这个数据集</translation>
    </message>
    <message>
        <source>%1: run %2 keeps no calibration&apos;s network measurements%3</source>
        <translation>%1：运行 %2 没有保存校准的网络测量%3</translation>
    </message>
    <message>
        <source> (runs that do: %1)</source>
        <translation>（保存了的运行：%1）</translation>
    </message>
    <message>
        <source>%1 keeps no calibration&apos;s network measurements</source>
        <translation>%1 没有保存任何校准的网络测量</translation>
    </message>
    <message>
        <source>%1: run %2: %3</source>
        <translation>%1：运行 %2：%3</translation>
    </message>
    <message>
        <source>%1: the spec of run %2: %3</source>
        <translation>%1：运行 %2 的规格：%3</translation>
    </message>
    <message>
        <source>%1 not used: %2 cannot be read
</source>
        <translation>未使用 %1：无法读取 %2
</translation>
    </message>
    <message>
        <source>%1 not used: %2 changed since calibrate measured it
</source>
        <translation>未使用 %1：%2 在 calibrate 测量之后已被修改
</translation>
    </message>
    <message>
        <source>%1 (the base run %2 was calibrated from; name another with --base)</source>
        <translation>%1（运行 %2 校准时所用的基础配置文件；可用 --base 指定其他）</translation>
    </message>
    <message>
        <source>refitting run %1 of %2 from what calibrate kept: %3 samples, %4 network runs, %5 probes; base %6
</source>
        <translation>根据 calibrate 保存的内容重新拟合 %2 的运行 %1：%3 个样本，%4 次网络运行，%5 个探针；基础 %6
</translation>
    </message>
    <message>
        <source>network measurements kept with run %1 of %2 (fit again with `calibrate --refit %1 --db %2`)
</source>
        <translation>网络测量已随 %2 的运行 %1 保存（用 `calibrate --refit %1 --db %2` 重新拟合）
</translation>
    </message>
    <message>
        <source>network measurements not kept: %1
</source>
        <translation>未保存网络测量：%1
</translation>
    </message>
    <message>
        <source>a measurement lacks its batch, %1 or %2</source>
        <translation>某次测量缺少批大小、%1 或 %2</translation>
    </message>
    <message>
        <source>a layer is not [name, operator, median, mean]</source>
        <translation>某一层不是 [名称, 算子, 中位数, 均值]</translation>
    </message>
    <message>
        <source>calibration record of version %1; this LayerLens reads version %2</source>
        <translation>校准记录为版本 %1；此 LayerLens 读取版本 %2</translation>
    </message>
    <message>
        <source>calibration record lacks %1, %2, %3, %4 or %5</source>
        <translation>校准记录缺少 %1、%2、%3、%4 或 %5</translation>
    </message>
    <message>
        <source>calibration record: a cache level of %1 bytes</source>
        <translation>校准记录：缓存级别为 %1 字节</translation>
    </message>
    <message>
        <source>%1 in the calibration record: %2</source>
        <translation>校准记录中的 %1：%2</translation>
    </message>
    <message>
        <source>probe %1 in the calibration record: %2</source>
        <translation>校准记录中的探针 %1：%2</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>没有名称</translation>
    </message>
    <message>
        <source>speed reference not timed twice during the networks; their times taken as measured
</source>
        <translation>网络阶段未测量两次速度基准；其时间按测量值采用
</translation>
    </message>
    <message>
        <source>calibration record: a timing of the speed reference (%1) is not timing statistics</source>
        <translation>校准记录：速度基准的某次测量（%1）不是计时统计</translation>
    </message>
    <message>
        <source>Latencies are scaled by x%1: this machine&apos;s speed against the profile&apos;s at calibration (its speed reference); memory and energy are not.</source>
        <translation>延迟已按 x%1 缩放：这台机器相对于配置文件校准时的速度（其速度基准）；内存和能耗未缩放。</translation>
    </message>
    <message>
        <source>OpenBLAS runs its %1 kernels on this CPU, which has AVX2%2: its version does not recognise the CPU. Matrix products (Linear, MatMul, and 1x1 convolutions at one thread, which LibTorch hands to BLAS) run several times slower than with its %3 kernels, and what LayerLens measures and calibrates here describes the %1 ones. To use the faster kernels, start LayerLens and your deployment with OPENBLAS_CORETYPE=%3.</source>
        <translation>OpenBLAS 在这颗支持 AVX2%2 的 CPU 上运行其 %1 内核：它的版本无法识别该 CPU。矩阵乘积（Linear、MatMul，以及单线程时 LibTorch 交给 BLAS 的 1x1 卷积）比使用其 %3 内核慢数倍，LayerLens 在此测量和校准的结果描述的是 %1 内核。若要使用更快的内核，请以 OPENBLAS_CORETYPE=%3 启动 LayerLens 及您的部署。</translation>
    </message>
    <message>
        <source> and AVX-512</source>
        <translation> 和 AVX-512</translation>
    </message>
    <message>
        <source>%1 + %2 log p; on ATen&apos;s GEMM (%3 samples) %4 + %5 log p</source>
        <translation>%1 + %2 log p；在 ATen 的 GEMM 上（%3 个样本）%4 + %5 log p</translation>
    </message>
    <message>
        <source>%1 on GEMM</source>
        <translation>%1（GEMM）</translation>
    </message>
    <message>
        <source>%1 on oneDNN</source>
        <translation>%1（oneDNN）</translation>
    </message>
    <message>
        <source>OpenBLAS runs its %1 kernels here and ran its %2 kernels on the profile&apos;s machine: matrix products do not move with the speed reference
</source>
        <translation>OpenBLAS 在此运行其 %1 内核，而在该配置文件的机器上运行其 %2 内核：矩阵乘积不随速度基准变化
</translation>
    </message>
    <message>
        <source>%1: passes differ by %2 %; measured a third time (%3 ms), the median counts
</source>
        <translation>%1：各轮相差 %2 %；已测量第三次（%3 ms），取中位数
</translation>
    </message>
    <message>
        <source>%1 + log p (the level alone did best held out)</source>
        <translation>%1 + log p（仅调整水平在留出样本上最好）</translation>
    </message>
    <message>
        <source>%1, with its correction measured alone, x%2</source>
        <translation>%1，连同其单独测量的校正，x%2</translation>
    </message>
    <message>
        <source>speed reference (a fixed network, 1 thread), median ms of each timing: during the module sampling %1 (median %2), during the networks %3 (median %4)
</source>
        <translation>速度基准（固定网络，1 个线程），每次测量的中位数（毫秒）：模块采样期间 %1（中位数 %2），网络期间 %3（中位数 %4）
</translation>
    </message>
    <message>
        <source>the networks ran at the sampling&apos;s speed (%1 %); their times taken as measured
</source>
        <translation>网络以采样时的速度运行（%1 %）；其时间按测量值采用
</translation>
    </message>
    <message>
        <source>the networks&apos; timings lie %1 % from the sampling&apos;s, within their own spread (Welch&apos;s t %2): the machine switched between speeds rather than moved; their times taken as measured
</source>
        <translation>网络的计时与采样时相差 %1 %，在其自身波动范围内（Welch t 值 %2）：机器是在几种速度之间切换，而非速度发生了变化；其时间按测量值采用
</translation>
    </message>
    <message>
        <source>the networks ran %1 % slower than the module sampling (the machine&apos;s speed moved); their times are scaled by %2 to the sampling&apos;s speed
</source>
        <translation>网络比模块采样慢 %1 %（机器速度发生了变化）；其时间乘以 %2 换算到采样时的速度
</translation>
    </message>
    <message>
        <source>the networks ran %1 % faster than the module sampling (the machine&apos;s speed moved); their times are scaled by %2 to the sampling&apos;s speed
</source>
        <translation>网络比模块采样快 %1 %（机器速度发生了变化）；其时间乘以 %2 换算到采样时的速度
</translation>
    </message>
    <message>
        <source>this machine runs %1 % slower than when the profile was calibrated: expect predictions about that much too low; `predict --speed-ratio %2` scales them to it, or calibrate again
</source>
        <translation>这台机器比配置文件校准时慢 %1 %：预测值大约会偏低这么多；`predict --speed-ratio %2` 可将其换算到本机，或请重新校准
</translation>
    </message>
    <message>
        <source>this machine runs %1 % faster than when the profile was calibrated: expect predictions about that much too high; `predict --speed-ratio %2` scales them to it, or calibrate again
</source>
        <translation>这台机器比配置文件校准时快 %1 %：预测值大约会偏高这么多；`predict --speed-ratio %2` 可将其换算到本机，或请重新校准
</translation>
    </message>
    <message>
        <source>%1 + %2 log p; on ATen&apos;s GEMM %3 + %4 log p</source>
        <translation>%1 + %2 log p；在 ATen 的 GEMM 上 %3 + %4 log p</translation>
    </message>
    <message>
        <source> (its family&apos;s, fitted on the %1 samples of %2)</source>
        <translation>（其所属族的校正，基于 %2 的 %1 个样本拟合）</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>cache sizes as the CPU reports them (the kernel lists none): %1
</source>
        <translation>CPU 自报的缓存大小（内核未列出任何缓存）：%1
</translation>
    </message>
    <message>
        <source>  %1 us per MiB written beyond the run&apos;s high-water mark (memory last touched a run ago)
</source>
        <translation>  超出本次运行高水位线每写入 1 MiB 需 %1 us（内存上次被访问是在一次运行之前）
</translation>
    </message>
    <message>
        <source>  the blocks fit the last level best at %1 MiB of the %2 MiB reported (MAPE %3 % -&gt; %4 %): a cache this machine shares with others
</source>
        <translation>  各块在末级缓存为所报告 %2 MiB 中的 %1 MiB 时拟合最好（MAPE %3 % -&gt; %4 %）：这是本机与其他机器共享的缓存
</translation>
    </message>
    <message>
        <source>median before -&gt; after</source>
        <translation>中位数 之前 -&gt; 之后</translation>
    </message>
    <message>
        <source>90th percentile of each model&apos;s held-out error, summed over layers</source>
        <translation>各模型留出误差的第 90 百分位数，按层求和</translation>
    </message>
    <message>
        <source>in-network spread: too few blocks of two networks or more; intervals stay the models&apos; held-out error
</source>
        <translation>网络内离散度：来自两个或更多网络的块太少；区间仍为模型的留出误差
</translation>
    </message>
    <message>
        <source>in-network spread per module (blocks of each network against the module&apos;s level in the others: 90 % of blocks within, the network&apos;s level and the scatter about it as a standard deviation of log time):
</source>
        <translation>每个模块的网络内离散度（每个网络的块相对于该模块在其他网络中的水平：90 % 的块所在范围、该网络的水平及其周围的离散，均为对数时间的标准差）：
</translation>
    </message>
    <message>
        <source>(modules&apos; own blocks)</source>
        <translation>（模块自身的块）</translation>
    </message>
    <message>
        <source>(stand-ins)</source>
        <translation>（替代模块）</translation>
    </message>
    <message>
        <source>(outside their range)</source>
        <translation>（超出其范围）</translation>
    </message>
    <message>
        <source>  %1 %2 blocks of %3 networks, x%4 to x%5, level %6 %, scatter %7 %
</source>
        <translation>  %1 来自 %3 个网络的 %2 个块，x%4 至 x%5，水平 %6 %，离散 %7 %
</translation>
    </message>
    <message>
        <source>interval: %1; overhead %2 ms per operator (%3)
</source>
        <translation>区间：%1；每个算子开销 %2 ms（%3）
</translation>
    </message>
    <message>
        <source>The network&apos;s latency is the sum of its blocks plus a per-operator overhead of %1 ms for each of its %2 executed operators (%3). Memory is the peak over blocks of the activations alive while the block runs plus its workspace, from a liveness analysis of the graph. Intervals: %4. Energy comes only from a real sensor on the profiled device; without one it is reported as unavailable.</source>
        <translation>网络的延迟为各块之和，加上其 %2 个已执行算子每个 %1 ms 的开销（%3）。内存为各块运行期间存活的激活加上其工作空间的峰值，来自对图的存活性分析。区间：%4。能耗仅来自被剖析设备上的真实传感器；没有传感器时报告为不可用。</translation>
    </message>
    <message>
        <source>intervals at other run-time conditions: too few held-out module samples at 1 thread without load to compare with; not widened
</source>
        <translation>其他运行条件下的区间：单线程无负载时留出的模块样本太少，无法比较；未加宽
</translation>
    </message>
    <message>
        <source>intervals at each run-time condition, from the held-out module samples (widening in log time against 1 thread without load, where the networks were measured):
</source>
        <translation>各运行条件下的区间，来自留出的模块样本（相对于测量网络时的单线程无负载，在对数时间上的加宽）：
</translation>
    </message>
    <message>
        <source>  %1 thread(s), %2 % load: %3 samples, +%4 %
</source>
        <translation>  %1 个线程，%2 % 负载：%3 个样本，+%4 %
</translation>
    </message>
    <message>
        <source>per layer, the range 90 % of its module&apos;s blocks fell within in networks left out of calibrate&apos;s fit (its model&apos;s held-out error where that is wider); per network, the modules&apos; spreads combined as independent; both wider at run-time conditions whose held-out module samples scatter more</source>
        <translation>每层：在 calibrate 拟合时留出的网络中，其模块 90 % 的块所落入的范围（若其模型的留出误差更宽则取之）；每个网络：各模块的离散度按相互独立合成；在留出模块样本离散更大的运行条件下两者都更宽</translation>
    </message>
    <message>
        <source>cache misses on 2 threads: %1 blocks of %2 network run(s) tell no share; paid as on one thread
</source>
        <translation>两个线程上的缓存未命中：%2 次网络运行的 %1 个块无法确定份额；按单线程计
</translation>
    </message>
    <message>
        <source>%1 on %2 threads</source>
        <translation>%1，%2 个线程</translation>
    </message>
    <message>
        <source>%1, pass %2</source>
        <translation>%1，第 %2 遍</translation>
    </message>
    <message>
        <source>calibration probes</source>
        <translation>校准探针</translation>
    </message>
    <message>
        <source>Interrupted while measuring the networks (the samples are kept in %1); no profile written.
</source>
        <translation>测量网络时被中断（样本保留在 %1 中）；未写入配置文件。
</translation>
    </message>
    <message>
        <source>%1 of %2 calibration probes timed (channel splits, shuffles, concatenations and fire modules)%3
</source>
        <translation>已计时 %2 个校准探针中的 %1 个（通道拆分、通道混洗、拼接与 fire 模块）%3
</translation>
    </message>
    <message>
        <source>samples at %1 thread(s), %2 % load not fitted on: their runs scatter too much (median coefficient of variation %3 over %4 samples); they set that condition&apos;s intervals only
</source>
        <translation>%1 线程、%2 % 负载下的样本未用于拟合：其运行离散过大（%4 个样本的变异系数中位数为 %3）；它们只决定该条件的区间
</translation>
    </message>
    <message>
        <source>  costs per MiB read as fitted: they predict each of the %1 networks&apos; blocks from the other networks&apos; best (held-out block MAPE %2 %)
</source>
        <translation>  每 MiB 读取成本按拟合值：用其他网络预测 %1 个网络中每个网络的块时效果最好（留出块 MAPE %2 %）
</translation>
    </message>
    <message>
        <source>  costs per MiB read above: x%1 the fitted ones, which predict each of the %2 networks&apos; blocks from the other networks&apos; best (held-out block MAPE %3 % as fitted, %4 % at x%1)
</source>
        <translation>  上面的每 MiB 读取成本为拟合值的 %1 倍：用其他网络预测 %2 个网络中每个网络的块时效果最好（留出块 MAPE：按拟合值 %3 %，%1 倍时 %4 %）
</translation>
    </message>
    <message>
        <source>cache misses on 2 threads: x%1 of their one-thread time, and %2 us more per block (%3 blocks of %4 network run(s); MAPE %5 % -&gt; %6 %)
</source>
        <translation>两个线程上的缓存未命中：单线程时间的 x%1，且每个块多 %2 us（%4 次网络运行的 %3 个块；MAPE %5 % -&gt; %6 %）
</translation>
    </message>
    <message>
        <source>%1 + %2 log p; beyond %3 MiB per thread %4 + %5 log p</source>
        <translation>%1 + %2 log p；每线程超过 %3 MiB 时 %4 + %5 log p</translation>
    </message>
    <message>
        <source>%1 + %2 log p; beyond %3 MiB per thread (%4 samples) %5 + %6 log p</source>
        <translation>%1 + %2 log p；每线程超过 %3 MiB 时（%4 个样本）%5 + %6 log p</translation>
    </message>
    <message>
        <source>%1 + %2 log p; beyond %3 MiB per thread too few samples (%4) for their own: %5 + %6 log p, fitted on all</source>
        <translation>%1 + %2 log p；每线程超过 %3 MiB 的样本太少（%4），无法单独校正：%5 + %6 log p，基于全部样本拟合</translation>
    </message>
    <message numerus="yes">
        <source>          OpenBLAS on %n thread(s) beside them (LAYERLENS_BLAS_THREADS)
</source>
        <translation>
            <numerusform>          OpenBLAS 另用 %n 个线程（LAYERLENS_BLAS_THREADS）
</numerusform>
        </translation>
    </message>
    <message>
        <source>LAYERLENS_BLAS_THREADS=%1 is not a thread count from 1 to 256; OpenBLAS runs on one thread</source>
        <translation>LAYERLENS_BLAS_THREADS=%1 不是 1 到 256 之间的线程数；OpenBLAS 使用一个线程</translation>
    </message>
    <message>
        <source>OpenBLAS ran one thread beside ATen&apos;s: the rows these modules hand to it predicted at one thread without load, whatever the thread count: %1
</source>
        <translation>OpenBLAS 在 ATen 的线程之外只用一个线程：这些模块交给它的行在无负载时按单线程预测，无论线程数多少：%1
</translation>
    </message>
    <message>
        <source>  %1 on 2 threads: x%2 (%3 blocks of %4 network runs, up to %7 ms, not carried beyond twice that; MAPE %5 % -&gt; %6 %)
</source>
        <translation>  %1 在 2 个线程上：x%2（%4 次网络运行的 %3 个块，最大 %7 ms，超过其两倍不再沿用；MAPE %5 % -&gt; %6 %）
</translation>
    </message>
    <message>
        <source>%1 at batch %2 on %3 threads under %4 % load</source>
        <translation>%1，批量 %2，%3 个线程，%4 % 负载</translation>
    </message>
    <message>
        <source>a network of the calibration record lacks its path, batch, threads, a utilization of 0-100 % or %1</source>
        <translation>校准记录中的某个网络缺少路径、批量、线程数、0-100 % 的利用率或 %1</translation>
    </message>
    <message>
        <source>%1 thread(s) under %2 % load: %3 network run(s) of %4 network(s) tell no factor that a network held out can check; the module models predict it
</source>
        <translation>%1 个线程、%2 % 负载：%4 个网络的 %3 次运行无法给出可由留出网络检验的因子；由模块模型预测
</translation>
    </message>
    <message>
        <source>x%1 for a 1 ms block, times (block ms)^%2 within %3-%4 ms</source>
        <translation>1 ms 的块 x%1，乘以 (块 ms)^%2，块时间限于 %3-%4 ms</translation>
    </message>
    <message>
        <source>x%1 for every block</source>
        <translation>每个块 x%1</translation>
    </message>
    <message>
        <source>%1 thread(s) under %2 % load, against the prediction without load: %3 (%4 runs of %5 networks; MAPE of the module models there %6 %, with the factor %7 %, each network held out of its fit %8 %, interval +-%9 %)</source>
        <translation>%1 个线程、%2 % 负载，相对于无负载的预测：%3（%5 个网络的 %4 次运行；模块模型在此的 MAPE 为 %6 %，使用因子 %7 %，每个网络依次留出拟合 %8 %，区间 +-%9 %）</translation>
    </message>
    <message>
        <source>  %1: measured %2 ms, x%3 its prediction without load (%4 ms); the module models %5 ms, with the factor %6 ms
</source>
        <translation>  %1：实测 %2 ms，为无负载预测（%4 ms）的 x%3；模块模型 %5 ms，使用因子 %6 ms
</translation>
    </message>
    <message>
        <source>, x%1 for blocks on one BLAS thread</source>
        <translation>，单个 BLAS 线程上的块 x%1</translation>
    </message>
    <message>
        <source>%1: pass %2 failed: %3
</source>
        <translation>%1：第 %2 轮失败：%3
</translation>
    </message>
    <message>
        <source>%1: median uncertain by %2 % after %3 passes; pass %4 (%5 ms)
</source>
        <translation>%1：%3 轮后中位数仍有 %2 % 的不确定度；第 %4 轮（%5 ms）
</translation>
    </message>
    <message>
        <source>a kernel&apos;s first run in a network: no module&apos;s first blocks take more than its other blocks; no cost
</source>
        <translation>内核在网络中的首次运行：没有模块的首个块比其其他块更慢；无额外开销
</translation>
    </message>
    <message>
        <source>a kernel&apos;s first run in a network (its code and state last used a run ago), per module:
</source>
        <translation>内核在网络中的首次运行（其代码和状态上次使用是在一次运行之前），按模块：
</translation>
    </message>
    <message>
        <source>  %1 %2 us more (%3 blocks of %4 networks, MAPE %5 % -&gt; %6 %)
</source>
        <translation>  %1 多 %2 us（%4 个网络的 %3 个块，MAPE %5 % -&gt; %6 %）
</translation>
    </message>
    <message>
        <source>; not kept: the module models do better by more than a quarter
</source>
        <translation>；未保留：模块模型的误差低出四分之一以上
</translation>
    </message>
    <message>
        <source> + %1 us/MiB spilled past %2 KiB</source>
        <translation> + 超出 %2 KiB 的部分每 MiB %1 us</translation>
    </message>
</context>
<context>
    <name>layerlens::core::AgentJobs</name>
    <message>
        <source>%1: cannot create the agent&apos;s data folder</source>
        <translation>%1：无法创建代理的数据文件夹</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: not a job journal (%2)</source>
        <translation>%1：不是作业日志（%2）</translation>
    </message>
    <message>
        <source>spec: expected a JSON object</source>
        <translation>spec：应为 JSON 对象</translation>
    </message>
    <message>
        <source>spec: %1</source>
        <translation>spec：%1</translation>
    </message>
    <message>
        <source>a profiling job needs budget_s or max_samples</source>
        <translation>性能剖析作业需要 budget_s 或 max_samples</translation>
    </message>
    <message>
        <source>shard: expected [index, count] with 0 &lt;= index &lt; count &lt;= 256</source>
        <translation>shard：应为满足 0 &lt;= index &lt; count &lt;= 256 的 [index, count]</translation>
    </message>
    <message>
        <source>harvest: network %1 was not uploaded</source>
        <translation>harvest：网络 %1 尚未上传</translation>
    </message>
    <message>
        <source>network: %1 was not uploaded</source>
        <translation>network：%1 尚未上传</translation>
    </message>
    <message>
        <source>kinds: unknown model kind &apos;%1&apos;</source>
        <translation>kinds：未知的模型类型 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>kind: expected profile, measure or train, not &apos;%1&apos;</source>
        <translation>kind：应为 profile、measure 或 train，而不是 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>layerlens::core::AgentServer</name>
    <message>
        <source>cannot read the TLS certificate %1 or key %2</source>
        <translation>无法读取 TLS 证书 %1 或密钥 %2</translation>
    </message>
    <message>
        <source>%1 or %2: not a PEM certificate and an RSA or EC key</source>
        <translation>%1 或 %2：不是 PEM 证书及 RSA 或 EC 密钥</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <source>no hello within %1 ms</source>
        <translation>%1 毫秒内未收到 hello</translation>
    </message>
    <message>
        <source>every request needs a whole-number &quot;id&quot;</source>
        <translation>每个请求都需要整数 &quot;id&quot;</translation>
    </message>
    <message>
        <source>authenticate first (hello)</source>
        <translation>请先认证（hello）</translation>
    </message>
    <message>
        <source>protocol version %1 is not spoken here (this agent: %2)</source>
        <translation>此处不支持协议版本 %1（本代理：%2）</translation>
    </message>
    <message>
        <source>wrong token</source>
        <translation>令牌错误</translation>
    </message>
    <message>
        <source>no job %1</source>
        <translation>没有作业 %1</translation>
    </message>
    <message>
        <source>fetch needs a whole-number &quot;since&quot; cursor</source>
        <translation>fetch 需要整数游标 &quot;since&quot;</translation>
    </message>
    <message>
        <source>job %1 wrote no profile</source>
        <translation>作业 %1 未写出配置文件</translation>
    </message>
    <message>
        <source>no file &apos;%1&apos; in the profile (or too large to send)</source>
        <translation>配置文件中没有文件 &apos;%1&apos;（或文件过大无法发送）</translation>
    </message>
    <message>
        <source>hello twice</source>
        <translation>重复的 hello</translation>
    </message>
    <message>
        <source>unknown request type &apos;%1&apos;</source>
        <translation>未知的请求类型 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>upload: sha256 must be 64 lowercase hex digits</source>
        <translation>upload：sha256 必须是 64 位小写十六进制数字</translation>
    </message>
    <message>
        <source>upload: size must be 1 to %1 bytes</source>
        <translation>upload：size 必须为 1 到 %1 字节</translation>
    </message>
    <message>
        <source>upload: expected offset %1</source>
        <translation>upload：应为偏移 %1</translation>
    </message>
    <message>
        <source>upload: data is not base64 or runs past the declared size</source>
        <translation>upload：数据不是 base64，或超出了声明的大小</translation>
    </message>
    <message>
        <source>upload: %1: %2</source>
        <translation>upload：%1：%2</translation>
    </message>
    <message>
        <source>upload: the content does not match its SHA-256</source>
        <translation>upload：内容与其 SHA-256 不符</translation>
    </message>
    <message>
        <source>upload: cannot store %1</source>
        <translation>upload：无法存储 %1</translation>
    </message>
</context>
<context>
    <name>layerlens::ui</name>
    <message>
        <source>no registered device named %1</source>
        <translation>没有名为 %1 的已注册设备</translation>
    </message>
    <message>
        <source>%1: %2 samples fetched, %3 new in %4</source>
        <translation>%1：取回 %2 个样本，其中 %3 个新样本存入 %4</translation>
    </message>
    <message>
        <source>on %1: measured %2 ms (median of %3 runs, CV %4 %)</source>
        <translation>在 %1 上：实测 %2 ms（%3 次运行的中位数，变异系数 %4 %）</translation>
    </message>
    <message>
        <source>%1 samples stored, last %2 (%3 ms)</source>
        <translation>已存储 %1 个样本，最近 %2（%3 ms）</translation>
    </message>
    <message>
        <source>%1 samples stored in %2 (%3 s%4)</source>
        <translation>%1 个样本已存入 %2（%3 s%4）</translation>
    </message>
    <message>
        <source>, cancelled; resumable</source>
        <translation>，已取消；可恢复</translation>
    </message>
    <message>
        <source>measured %1 ms (median of %2 runs, CV %3 %), peak memory %4 MiB, energy %5</source>
        <translation>实测 %1 ms（%2 次运行的中位数，变异系数 %3 %），峰值内存 %4 MiB，能耗 %5</translation>
    </message>
    <message>
        <source>%1 J</source>
        <translation>%1 J</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>training %1 (%2/%3)</source>
        <translation>正在训练 %1（%2/%3）</translation>
    </message>
    <message>
        <source>profile of %1 modules written to %2%3</source>
        <translation>包含 %1 个模块的配置文件已写入 %2%3</translation>
    </message>
    <message>
        <source>; skipped: %1</source>
        <translation>；已跳过：%1</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: the plot %2 could not be drawn</source>
        <translation>%1：无法绘制图表 %2</translation>
    </message>
    <message>
        <source>LayerLens report: %1</source>
        <translation>LayerLens 报告：%1</translation>
    </message>
    <message>
        <source>%1: the PDF could not be written</source>
        <translation>%1：无法写入 PDF</translation>
    </message>
    <message>
        <source>measuring %1</source>
        <translation>正在测量 %1</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::BreakdownView</name>
    <message>
        <source>Latency by operator</source>
        <translation>按算子的延迟</translation>
    </message>
    <message>
        <source>predicted latency (ms)</source>
        <translation>预测延迟（ms）</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1（%2 %）</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::DesignSpaceView</name>
    <message>
        <source>Click a point to apply its parameters.</source>
        <translation>点击某个点以应用其参数。</translation>
    </message>
    <message>
        <source>latency (ms, log scale)</source>
        <translation>延迟（ms，对数刻度）</translation>
    </message>
    <message>
        <source>peak memory (MiB, log scale)</source>
        <translation>峰值内存（MiB，对数刻度）</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批大小 %1</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::HeatmapView</name>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>Absolute</source>
        <translation>绝对值</translation>
    </message>
    <message>
        <source>Share of column</source>
        <translation>列内占比</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>latency, % of column</source>
        <translation>延迟，占列的 %</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>延迟（ms）</translation>
    </message>
    <message>
        <source>memory, % of column</source>
        <translation>内存，占列的 %</translation>
    </message>
    <message>
        <source>memory (bytes)</source>
        <translation>内存（字节）</translation>
    </message>
    <message>
        <source>energy, % of column</source>
        <translation>能耗，占列的 %</translation>
    </message>
    <message>
        <source>energy (J)</source>
        <translation>能耗（J）</translation>
    </message>
    <message>
        <source>no model: %1</source>
        <translation>无模型：%1</translation>
    </message>
    <message>
        <source>not measured on the profiled device</source>
        <translation>未在被剖析的设备上测量</translation>
    </message>
    <message>
        <source>%1 ms [%2, %3]</source>
        <translation>%1 ms [%2, %3]</translation>
    </message>
    <message>
        <source>%1 [%2, %3]</source>
        <translation>%1 [%2, %3]</translation>
    </message>
    <message>
        <source>%1 J [%2, %3]</source>
        <translation>%1 J [%2, %3]</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 % of the column</source>
        <translation>&lt;br&gt;占该列的 %1 %</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#c0392b&apos;&gt;out of distribution: %1&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#c0392b&apos;&gt;超出分布：%1&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::IssuesPanel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>No issues: every layer has a shape and a cost.</source>
        <translation>没有问题：每一层都有形状和代价。</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::JobsPanel</name>
    <message>
        <source>Profile this device</source>
        <translation>剖析此设备</translation>
    </message>
    <message>
        <source>Measure network</source>
        <translation>测量网络</translation>
    </message>
    <message>
        <source>Retrain profile</source>
        <translation>重新训练配置文件</translation>
    </message>
    <message>
        <source>Calibrate profile</source>
        <translation>校准配置文件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Time budget of a profiling job</source>
        <translation>性能剖析作业的时间预算</translation>
    </message>
    <message>
        <source>SQLite dataset the profiling job writes and retraining reads</source>
        <translation>性能剖析作业写入、重新训练读取的 SQLite 数据集</translation>
    </message>
    <message>
        <source>This machine, or a remote device registered with &apos;layerlens-cli devices add&apos;</source>
        <translation>本机，或用 &apos;layerlens-cli devices add&apos; 注册的远程设备</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Profiling budget</source>
        <translation>剖析预算</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Measure the network on screen on this device at the chosen parameters</source>
        <translation>在此设备上按所选参数测量当前显示的网络</translation>
    </message>
    <message>
        <source>Measure module configurations (from the network on screen and the default spec) into the dataset</source>
        <translation>测量模块配置（来自当前网络和默认规范）并存入数据集</translation>
    </message>
    <message>
        <source>Train a device profile from the dataset and switch to it</source>
        <translation>用数据集训练设备配置文件并切换到它</translation>
    </message>
    <message>
        <source>Adapt the profile on screen to this machine with a short profiling job (the budget above) and a measurement of the network on screen, then switch to the result</source>
        <translation>通过一次简短的剖析作业（上面的预算）和对当前网络的测量，使当前配置文件适配本机，然后切换到结果</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Profile %1 samples</source>
        <translation>剖析 %1 个样本</translation>
    </message>
    <message>
        <source>Profile for %1 min</source>
        <translation>剖析 %1 分钟</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Measure %1 on %2</source>
        <translation>在 %2 上测量 %1</translation>
    </message>
    <message>
        <source>Measure %1 (batch %2, %3 %, %4 thread(s))</source>
        <translation>测量 %1（批大小 %2，%3 %，%4 个线程）</translation>
    </message>
    <message>
        <source>Retrain into %1</source>
        <translation>重新训练到 %1</translation>
    </message>
    <message>
        <source>Calibrate %1 into %2</source>
        <translation>校准 %1 到 %2</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1: started</source>
        <translation>%1：已开始</translation>
    </message>
    <message>
        <source>cancelling</source>
        <translation>正在取消</translation>
    </message>
    <message>
        <source>%1: cancelling</source>
        <translation>%1：正在取消</translation>
    </message>
    <message>
        <source>Check speed</source>
        <translation>检查速度</translation>
    </message>
    <message>
        <source>Time a fixed small network on this machine (3 s) and say how much faster or slower it runs than when the profile on screen was calibrated: how far its predictions are off here</source>
        <translation>在这台机器上测量一个固定的小网络（3 秒），并说明它比当前配置文件校准时快或慢多少：即其预测在这里偏差多少</translation>
    </message>
    <message>
        <source>Check this machine&apos;s speed against %1</source>
        <translation>对照 %1 检查这台机器的速度</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::LayerTableModel</name>
    <message>
        <source>folded at load time</source>
        <translation>加载时已折叠</translation>
    </message>
    <message>
        <source>unsupported operator: no cost</source>
        <translation>不支持的算子：无代价</translation>
    </message>
    <message>
        <source>shape unknown: no cost</source>
        <translation>形状未知：无代价</translation>
    </message>
    <message>
        <source>fused into %1</source>
        <translation>已融合到 %1</translation>
    </message>
    <message>
        <source>no model: %1</source>
        <translation>无模型：%1</translation>
    </message>
    <message>
        <source>out of distribution: %1</source>
        <translation>超出分布：%1</translation>
    </message>
    <message>
        <source>%1 ms, 90% interval [%2, %3]</source>
        <translation>%1 ms，90% 区间 [%2, %3]</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>In bytes</source>
        <translation>输入字节</translation>
    </message>
    <message>
        <source>Out bytes</source>
        <translation>输出字节</translation>
    </message>
    <message>
        <source>FLOP/byte</source>
        <translation>FLOP/字节</translation>
    </message>
    <message>
        <source>Latency ms</source>
        <translation>延迟 ms</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Energy J</source>
        <translation>能耗 J</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::MainWindow</name>
    <message>
        <source>Show folded nodes</source>
        <translation>显示已折叠节点</translation>
    </message>
    <message>
        <source>Drop an ONNX file on the window, or use File &gt; Open.</source>
        <translation>将 ONNX 文件拖到窗口上，或使用“文件 &gt; 打开”。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>Open Network</source>
        <translation>打开网络</translation>
    </message>
    <message>
        <source>ONNX networks (*.onnx);;All files (*)</source>
        <translation>ONNX 网络 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Sample Network</source>
        <translation>打开示例网络(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export Report...</source>
        <translation>导出报告(&amp;E)...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Filter layers (name, op, shape...)</source>
        <translation>筛选层（名称、算子、形状……）</translation>
    </message>
    <message>
        <source>Device &amp; parameters</source>
        <translation>设备与参数</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>分解</translation>
    </message>
    <message>
        <source>Design space</source>
        <translation>设计空间</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LayerLens</source>
        <translation>关于 LayerLens(&amp;A)</translation>
    </message>
    <message>
        <source>About LayerLens</source>
        <translation>关于 LayerLens</translation>
    </message>
    <message>
        <source>&lt;b&gt;LayerLens %1&lt;/b&gt;&lt;p&gt;Per-layer cost of deep-learning inference: shapes, MACs, FLOPs and parameters of every layer of an ONNX network, and its predicted latency, memory and energy on a device.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LayerLens %1&lt;/b&gt;&lt;p&gt;深度学习推理的逐层代价：ONNX 网络每一层的形状、MACs、FLOPs 和参数，以及其在设备上的预测延迟、内存和能耗。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Analysing %1...</source>
        <translation>正在分析 %1……</translation>
    </message>
    <message>
        <source> (LayerLens binds only the batch dimension from this window.)</source>
        <translation>（在此窗口中 LayerLens 只绑定批维度。）</translation>
    </message>
    <message>
        <source>%1: %2 layers, batch %3</source>
        <translation>%1：%2 层，批大小 %3</translation>
    </message>
    <message>
        <source>Loading the device profile...</source>
        <translation>正在加载设备配置文件……</translation>
    </message>
    <message>
        <source>%1: %2 modules, trained on %3</source>
        <translation>%1：%2 个模块，在 %3 上训练</translation>
    </message>
    <message>
        <source>No model: %1</source>
        <translation>无模型：%1</translation>
    </message>
    <message>
        <source>Out of distribution: %1</source>
        <translation>超出分布：%1</translation>
    </message>
    <message>
        <source>Energy is unavailable: the profiled device had no energy sensor.</source>
        <translation>能耗不可用：被剖析的设备没有能耗传感器。</translation>
    </message>
    <message>
        <source>Could not open the network. %1</source>
        <translation>无法打开网络。%1</translation>
    </message>
    <message>
        <source>Loading failed</source>
        <translation>加载失败</translation>
    </message>
    <message>
        <source>%1 - LayerLens</source>
        <translation>%1 - LayerLens</translation>
    </message>
    <message>
        <source>LayerLens</source>
        <translation>LayerLens</translation>
    </message>
    <message>
        <source>There is no prediction to report yet.</source>
        <translation>尚无可生成报告的预测。</translation>
    </message>
    <message>
        <source>%1: choose .html, .pdf, .csv, .json or .netron.json</source>
        <translation>%1：请选择 .html、.pdf、.csv、.json 或 .netron.json</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF 报告 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV, one row per layer (*.csv)</source>
        <translation>CSV，每层一行 (*.csv)</translation>
    </message>
    <message>
        <source>JSON, the full result (*.json)</source>
        <translation>JSON，完整结果 (*.json)</translation>
    </message>
    <message>
        <source>Netron attachment (*.netron.json)</source>
        <translation>Netron 附件 (*.netron.json)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>系统默认（%1）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>LayerLens shows %1 after a restart. Restart now? The network and the parameters stay; running jobs are cancelled.</source>
        <translation>LayerLens 将在重启后显示%1。现在重启吗？网络和参数会保留；运行中的作业将被取消。</translation>
    </message>
    <message>
        <source>%1: predicted %2 ms at batch %3, utilization %4 %, %5 thread(s) on %6 (%7 configurations in %8 ms)%9</source>
        <translation>%1：预测 %2 ms（批大小 %3，利用率 %4 %，%5 个线程，%6 上；%8 ms 内完成 %7 个配置）%9</translation>
    </message>
    <message>
        <source>; latencies scaled x%1 to this machine&apos;s speed</source>
        <translation>；延迟已按 x%1 缩放到这台机器的速度</translation>
    </message>
    <message>
        <source>%1: %2 modules, trained on %3, not on this machine&apos;s %4</source>
        <translation>%1：%2 个模块，在 %3 上训练，而非本机的 %4</translation>
    </message>
    <message>
        <source>Its times are that machine&apos;s. Jobs &gt; Check speed says how far this machine&apos;s are; Calibrate profile adapts the profile to it.</source>
        <translation>其时间是那台机器的时间。作业 &gt; 检查速度 可告诉您本机相差多少；校准配置文件 可使配置文件适应本机。</translation>
    </message>
    <message>
        <source>Machine speed x%1, as Check speed measured it against %2 on this CPU (Jobs &gt; Check speed measures it again)</source>
        <translation>机器速度 x%1，为“检查速度”在此 CPU 上针对 %2 测得的值（作业 &gt; 检查速度可重新测量）</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::ParametersPanel</name>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>The device profile whose models predict</source>
        <translation>用于预测的设备配置文件</translation>
    </message>
    <message>
        <source>Value of the inputs&apos; symbolic batch dimension</source>
        <translation>输入的符号批维度的值</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the device busy with other work</source>
        <translation>设备被其他工作占用的比例</translation>
    </message>
    <message>
        <source>Threads the inference runtime uses</source>
        <translation>推理运行时使用的线程数</translation>
    </message>
    <message>
        <source>Choose a Device Profile Folder</source>
        <translation>选择设备配置文件夹</translation>
    </message>
    <message>
        <source>%1 (built in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <source>Choose a folder...</source>
        <translation>选择文件夹……</translation>
    </message>
    <message>
        <source>Machine speed</source>
        <translation>机器速度</translation>
    </message>
    <message>
        <source>Scale every latency to a machine that takes this many times what the profile&apos;s machine took at calibration (1: as predicted). Jobs &gt; Check speed measures it for this machine.</source>
        <translation>将每个延迟缩放到耗时为配置文件校准时机器这么多倍的机器（1：按预测）。作业 &gt; 检查速度 会为这台机器测量它。</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::SummaryPanel</name>
    <message>
        <source>Drop an ONNX file on the window, or use File &gt; Open.</source>
        <translation>将 ONNX 文件拖到窗口上，或使用“文件 &gt; 打开”。</translation>
    </message>
    <message>
        <source>Predicted on %1 (batch %2, utilization %3 %, %4 thread(s))</source>
        <translation>在 %1 上的预测（批大小 %2，利用率 %3 %，%4 个线程）</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>90%: %1 ms</source>
        <translation>90%：%1 ms</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>峰值内存</translation>
    </message>
    <message>
        <source>90%: %1 - %2</source>
        <translation>90%：%1 - %2</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>%1 J</source>
        <translation>%1 J</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>90%: %1 J</source>
        <translation>90%：%1 J</translation>
    </message>
    <message>
        <source>no energy sensor on the profiled device</source>
        <translation>被剖析的设备上没有能耗传感器</translation>
    </message>
    <message>
        <source>Out of distribution</source>
        <translation>超出分布</translation>
    </message>
    <message>
        <source>layers beyond what their model was trained on</source>
        <translation>超出其模型训练范围的层</translation>
    </message>
    <message>
        <source>Without a model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>layers counted at the per-operator overhead only</source>
        <translation>仅按每算子开销计算的层</translation>
    </message>
    <message>
        <source>%1, IR %2, opset %3</source>
        <translation>%1，IR %2，opset %3</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Incomplete: %1 layers have no cost; these are lower bounds.</source>
        <translation>不完整：%1 个层没有代价；以下为下限。</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Peak activations</source>
        <translation>激活峰值</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>%1 constant nodes folded</source>
        <translation>已折叠 %1 个常量节点</translation>
    </message>
    <message>
        <source>Latency intervals: %1.</source>
        <translation>延迟区间：%1。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Per-layer cost explorer for deep-learning inference.</source>
        <translation>深度学习推理的逐层代价分析工具。</translation>
    </message>
    <message>
        <source>ONNX network to open.</source>
        <translation>要打开的 ONNX 网络。</translation>
    </message>
    <message>
        <source>Batch size (default 1).</source>
        <translation>批大小（默认 1）。</translation>
    </message>
    <message>
        <source>Open the bundled sample network.</source>
        <translation>打开自带的示例网络。</translation>
    </message>
    <message>
        <source>Save a PNG of the window once the network is shown, then quit.</source>
        <translation>网络显示后保存窗口的 PNG 截图，然后退出。</translation>
    </message>
    <message>
        <source>Device profile: a built-in or saved name, or a folder (default reference-cpu).</source>
        <translation>设备配置文件：内置或已保存的名称，或文件夹（默认 reference-cpu）。</translation>
    </message>
    <message>
        <source>Device utilization in % (default 0).</source>
        <translation>设备利用率（%）（默认 0）。</translation>
    </message>
    <message>
        <source>Threads (default 1).</source>
        <translation>线程数（默认 1）。</translation>
    </message>
    <message>
        <source>Benchmark: open the network, print as JSON how long it took until its heatmap was drawn and the longest stall of the GUI thread meanwhile, then quit.</source>
        <translation>基准测试：打开网络，以 JSON 输出到热力图绘制完成所用的时间以及期间 GUI 线程的最长停顿，然后退出。</translation>
    </message>
    <message>
        <source>layerlens: --batch needs a positive whole number, not &apos;%1&apos;
</source>
        <translation>layerlens：--batch 需要正整数，而不是 &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>layerlens: --utilization needs 0 to 95, not &apos;%1&apos;
</source>
        <translation>layerlens：--utilization 需要 0 到 95，而不是 &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>layerlens: --threads needs a positive whole number, not &apos;%1&apos;
</source>
        <translation>layerlens：--threads 需要正整数，而不是 &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>Scale every latency to a machine that takes R times what the profile&apos;s machine took at calibration (from &apos;layerlens-cli calibrate --check&apos;; default 1).</source>
        <translation>将每个延迟缩放到耗时为配置文件校准时机器 R 倍的机器（来自 &apos;layerlens-cli calibrate --check&apos;；默认 1）。</translation>
    </message>
    <message>
        <source>layerlens: --speed-ratio needs 0.1 to 10, not &apos;%1&apos;
</source>
        <translation>layerlens：--speed-ratio 需要 0.1 到 10，而不是 &apos;%1&apos;
</translation>
    </message>
</context>
<context>
    <name>measure</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>an energy counter could not be read</source>
        <translation>无法读取能耗计数器</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <source>%1: no such profile folder or profile name (known: %2)</source>
        <translation>%1：没有此配置文件夹或配置文件名（已知：%2）</translation>
    </message>
</context>
<context>
    <name>protocol</name>
    <message>
        <source>the stream is already broken</source>
        <translation>数据流已中断</translation>
    </message>
    <message>
        <source>frame of %1 bytes (the limit is %2)</source>
        <translation>帧大小为 %1 字节（上限为 %2）</translation>
    </message>
    <message>
        <source>a frame is not a JSON object (%1)</source>
        <translation>帧不是 JSON 对象（%1）</translation>
    </message>
</context>
<context>
    <name>runtime</name>
    <message>
        <source>cannot load the LibTorch runtime %1: %2</source>
        <translation>无法加载 LibTorch 运行时 %1：%2</translation>
    </message>
    <message>
        <source>the LibTorch runtime %1 belongs to another LayerLens build</source>
        <translation>LibTorch 运行时 %1 属于另一个 LayerLens 构建</translation>
    </message>
</context>
</TS>
