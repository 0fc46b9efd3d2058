using NetArchTest.Rules;

namespace WorkersHome.Tests.Architecture;

/// <summary>Modules reach each other only through their Contracts namespace.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Modules = typeof(Program).Assembly.GetTypes()
        .Select(t => t.Namespace)
        .Where(n => n is not null && n.StartsWith("WorkersHome.Modules.", StringComparison.Ordinal))
        .Select(n => n!.Split('.')[2])
        .Distinct()
        .ToArray();

    [Fact]
    public void There_is_more_than_one_module_to_keep_apart() => Modules.Length.ShouldBeGreaterThanOrEqualTo(2);

    [Fact]
    public void No_module_depends_on_another_modules_internals()
    {
        var failures = new List<string>();
        foreach (var module in Modules)
        {
            foreach (var other in Modules.Where(m => m != module))
            {
                // Type names, not namespaces: a namespace prefix would also match the module's Contracts.
                var internals = typeof(Program).Assembly.GetTypes()
                    .Where(t => t.Namespace is { } n && n.StartsWith($"WorkersHome.Modules.{other}", StringComparison.Ordinal)
                        && !n.Contains(".Contracts", StringComparison.Ordinal) && !t.Name.Contains('<', StringComparison.Ordinal))
                    .Select(t => t.FullName!)
                    .ToArray();
                var result = Types.InAssembly(typeof(Program).Assembly)
                    .That().ResideInNamespace($"WorkersHome.Modules.{module}")
                    .ShouldNot().HaveDependencyOnAny(internals!)
                    .GetResult();
                if (!result.IsSuccessful)
                {
                    failures.AddRange(result.FailingTypeNames.Select(t => $"{t} -> {other}"));
                }
            }
        }

        failures.ShouldBeEmpty();
    }
}