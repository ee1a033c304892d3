using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/LittleRedDot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(LittleRedDot.Benchmarks.StepBenchmarks).Assembly).Run(args);
