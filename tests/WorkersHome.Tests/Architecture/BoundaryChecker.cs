using Mono.Cecil;
using Mono.Cecil.Cil;

namespace WorkersHome.Tests.Architecture;

/// <summary>
/// Reads an assembly's IL (Mono.Cecil) and reports every reference that crosses a boundary of the house layout below a
/// root namespace R: modules (R.Modules.X), their contracts (R.Modules.X.Contracts), Platform (R.Platform), pages
/// (R.Pages, where the Razor SDK also compiles the .cshtml views) and demo data (R.Demo).
/// </summary>
/// <remarks>
/// Nothing is skipped: nested and compiler-generated types (endpoint lambdas, closures, async and iterator state
/// machines, local functions) are scanned and each reference is charged to the top-level type that declares them, so a
/// call inside a lambda counts as the enclosing class's. A type is read in full: base type, interfaces, attributes,
/// fields, properties, events, method signatures, generic constraints, locals, and every type, method and field that a
/// method body's instructions name.
/// </remarks>
public sealed class BoundaryChecker
{
    private readonly string root;
    private readonly List<Edge> edges = [];

    private BoundaryChecker(string root) => this.root = root;

    /// <summary>Every distinct reference from a type below the root namespace to another type below it.</summary>
    public IReadOnlyList<Edge> Edges => edges;

    public static BoundaryChecker Read(string assemblyPath, string rootNamespace)
    {
        var checker = new BoundaryChecker(rootNamespace);
        using var module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { ReadSymbols = false });
        var seen = new HashSet<(string, string)>();
        foreach (var type in module.Types)
        {
            var owner = checker.OwnerOf(type);
            if (owner is null)
            {
                continue;
            }

            foreach (var target in References(type))
            {
                var to = checker.OwnerOf(target);
                if (to is not null && to.FullName != owner.FullName && seen.Add((owner.FullName, to.FullName)))
                {
                    checker.edges.Add(new Edge(owner, to));
                }
            }
        }

        return checker;
    }

    /// <summary>All violations of the house rules, as "From -> To: rule" lines, sorted.</summary>
    public IReadOnlyList<string> Violations() =>
        edges.Select(e => (Edge: e, Rule: Broken(e)))
            .Where(x => x.Rule is not null)
            .Select(x => $"{x.Edge.From.FullName} -> {x.Edge.To.FullName}: {x.Rule}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private string? Broken(Edge e)
    {
        var from = Classify(e.From.Namespace);
        var to = Classify(e.To.Namespace);
        switch (from.Area)
        {
            case Area.Module when to.Area == Area.Module && to.Module != from.Module && !to.IsContracts:
                return "a module reaches another module only through its Contracts";
            case Area.Module when to.Area is Area.Pages or Area.Demo:
                return "a module depends on no page and no demo type";
            case Area.Module when from.IsContracts && to.Area == Area.Module && !to.IsContracts:
                return "Contracts depend on no module internals, not even their own module's";
            case Area.Platform when to.Area is Area.Module or Area.Pages or Area.Demo:
                return "Platform depends on no module, page or demo type";
            case Area.Pages when to.Area == Area.Module && to.IsData:
                return "a page does not reach a module's Data (EF configurations, sets)";
            case Area.Pages when to.Area == Area.Platform && IsPersistence(e.To.Namespace):
                return "a page does not reach the database context; it calls a use case or a query";
            case Area.Pages when to.Area == Area.Demo:
                return "a page depends on no demo type";
            default:
                return null;
        }
    }

    private bool IsPersistence(string ns) => ns == $"{root}.Platform.Persistence" || ns.StartsWith($"{root}.Platform.Persistence.", StringComparison.Ordinal);

    private Place Classify(string ns)
    {
        var parts = ns.Split('.');
        var rootParts = root.Split('.');
        var rest = parts.Skip(rootParts.Length).ToArray();
        if (rest.Length == 0)
        {
            return new Place(Area.Root, null, false, false);
        }

        return rest[0] switch
        {
            "Modules" when rest.Length > 1 => new Place(Area.Module, rest[1], rest.Length > 2 && rest[2] == "Contracts", rest.Length > 2 && rest[2] == "Data"),
            "Platform" => new Place(Area.Platform, null, false, false),
            "Pages" => new Place(Area.Pages, null, false, false),
            "Demo" => new Place(Area.Demo, null, false, false),
            _ => new Place(Area.Root, null, false, false),
        };
    }

    /// <summary>The top-level type a reference belongs to, if it lies below the root namespace.</summary>
    private TypeName? OwnerOf(TypeReference type)
    {
        while (type is TypeSpecification spec)
        {
            type = spec.ElementType;
        }

        if (type is GenericParameter)
        {
            return null;
        }

        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var ns = type.Namespace;
        if (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return new TypeName(ns, type.FullName);
        }

        return null;
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        foreach (var nested in type.NestedTypes)
        {
            foreach (var reference in References(nested))
            {
                yield return reference;
            }
        }

        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (var t in Attributes(type))
        {
            yield return t;
        }

        foreach (var t in Constraints(type.GenericParameters))
        {
            yield return t;
        }

        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
            foreach (var t in Attributes(field))
            {
                yield return t;
            }
        }

        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
            foreach (var t in Attributes(property))
            {
                yield return t;
            }
        }

        foreach (var e in type.Events)
        {
            yield return e.EventType;
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Method(method))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Method(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var p in method.Parameters)
        {
            yield return p.ParameterType;
            foreach (var t in Attributes(p))
            {
                yield return t;
            }
        }

        foreach (var t in Attributes(method).Concat(Constraints(method.GenericParameters)))
        {
            yield return t;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var local in method.Body.Variables)
        {
            yield return local.VariableType;
        }

        foreach (var handler in method.Body.ExceptionHandlers)
        {
            if (handler.CatchType is not null)
            {
                yield return handler.CatchType;
            }
        }

        foreach (var instruction in method.Body.Instructions)
        {
            foreach (var t in Operand(instruction))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                foreach (var t in Expand(type))
                {
                    yield return t;
                }

                break;
            case MethodReference method:
                foreach (var t in Expand(method.DeclaringType).Concat(Expand(method.ReturnType)).Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType))))
                {
                    yield return t;
                }

                if (method is GenericInstanceMethod generic)
                {
                    foreach (var t in generic.GenericArguments.SelectMany(Expand))
                    {
                        yield return t;
                    }
                }

                break;
            case FieldReference field:
                foreach (var t in Expand(field.DeclaringType).Concat(Expand(field.FieldType)))
                {
                    yield return t;
                }

                break;
        }
    }

    /// <summary>A type and everything it is built of: generic arguments, element types, function pointer signatures.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type;
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in generic.GenericArguments.SelectMany(Expand))
                {
                    yield return t;
                }

                break;
            case TypeSpecification spec:
                foreach (var t in Expand(spec.ElementType))
                {
                    yield return t;
                }

                break;
        }

        if (type.DeclaringType is not null && type is not TypeSpecification)
        {
            foreach (var t in Expand(type.DeclaringType))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            yield return attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)).Concat(attribute.Fields.Select(f => f.Argument)))
            {
                yield return argument.Type;
                if (argument.Value is TypeReference typeOf)
                {
                    yield return typeOf;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Constraints(IEnumerable<GenericParameter> parameters) =>
        parameters.SelectMany(p => p.Constraints.Select(c => c.ConstraintType));

    public sealed record TypeName(string Namespace, string FullName);

    public sealed record Edge(TypeName From, TypeName To);

    private enum Area
    {
        Root,
        Module,
        Platform,
        Pages,
        Demo,
    }

    private sealed record Place(Area Area, string? Module, bool IsContracts, bool IsData);
}