// The namespaces every benchmark file uses, once for the project.
global using BenchmarkDotNet.Attributes;
global using Stance.Core.Common;
global using Stance.Core.Features;
global using Stance.Core.Learning;
global using Stance.Core.Learning.Linear;
global using Stance.Core.Modeling;
