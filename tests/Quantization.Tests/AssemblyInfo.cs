using EdgeCloud.Quantization.Tests.TestSupport;

[assembly: AssemblyFixture(typeof(QuantizedModelsFixture))]
