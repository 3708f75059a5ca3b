using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using DatoCms.ErrorCodes.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// The generated types, resolved once per compilation in the namespace the options choose.
/// The transient set is read from the [DatoCmsTransient] attributes the generator put on the
/// enum members, so the analyzers always enforce what this build's spec says. Every rule asks for
/// them at compilation start; they are built once per compilation and shared (see <see cref="TryCreate"/>),
/// with the lookups the rules repeat on every candidate (code string to member, member to code,
/// transient values) indexed up front.
/// </summary>
internal sealed class DatoCmsSymbols
{
    /// <summary>One entry per compilation, shared by the rules; keyed again by the namespace option.</summary>
    private static readonly ConditionalWeakTable<Compilation, CachedSymbols> Cache = new();

    private readonly Dictionary<string, IFieldSymbol> _memberByCode;
    private readonly Dictionary<string, IFieldSymbol> _memberByCodeIgnoringCase;
    private readonly Dictionary<IFieldSymbol, string> _codeByMember;
    private readonly HashSet<long> _transientValues;

    private DatoCmsSymbols(
        INamedTypeSymbol errorCode,
        INamedTypeSymbol? errorCodes,
        INamedTypeSymbol? apiException,
        INamedTypeSymbol? transientApiException,
        INamedTypeSymbol? apiError,
        ImmutableArray<IFieldSymbol> transientCodes,
        ImmutableArray<(string ApiCode, IFieldSymbol Member)> apiCodes)
    {
        ApiCodes = apiCodes;
        ErrorCode = errorCode;
        ErrorCodes = errorCodes;
        ApiException = apiException;
        TransientApiException = transientApiException;
        ApiError = apiError;
        TransientCodes = transientCodes;

        // The first member in declaration order wins, as a linear search would find it.
        _memberByCode = new Dictionary<string, IFieldSymbol>(StringComparer.Ordinal);
        _memberByCodeIgnoringCase = new Dictionary<string, IFieldSymbol>(StringComparer.OrdinalIgnoreCase);
        _codeByMember = new Dictionary<IFieldSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var (code, member) in apiCodes)
        {
            AddFirst(_memberByCode, code, member);
            AddFirst(_memberByCodeIgnoringCase, code, member);
            AddFirst(_codeByMember, member, code);
        }

        var transientValues = new long[transientCodes.Length];
        _transientValues = new HashSet<long>();
        for (var i = 0; i < transientCodes.Length; i++)
        {
            transientValues[i] = Convert.ToInt64(transientCodes[i].ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
            _transientValues.Add(transientValues[i]);
        }

        TransientValues = ImmutableArray.Create(transientValues);
    }

    public INamedTypeSymbol ErrorCode { get; }

    public INamedTypeSymbol? ErrorCodes { get; }

    public INamedTypeSymbol? ApiException { get; }

    public INamedTypeSymbol? TransientApiException { get; }

    public INamedTypeSymbol? ApiError { get; }

    /// <summary>Every member's API string (from its [EnumMember]), in declaration order.</summary>
    public ImmutableArray<(string ApiCode, IFieldSymbol Member)> ApiCodes { get; }

    /// <summary>Enum members marked transient, in declaration order.</summary>
    public ImmutableArray<IFieldSymbol> TransientCodes { get; }

    /// <summary>The constant values of <see cref="TransientCodes"/>, in the same order.</summary>
    public ImmutableArray<long> TransientValues { get; }

    /// <summary>
    /// Null when the compilation has no generated DatoCmsErrorCode: the analyzers then do nothing.
    /// Resolved once per compilation and namespace option, whichever rule asks first.
    /// </summary>
    public static DatoCmsSymbols? TryCreate(Compilation compilation, AnalyzerOptions options)
    {
        var ns = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(GeneratorOptions.NamespaceProperty, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : GeneratorOptions.DefaultNamespace;

        var cached = Cache.GetValue(compilation, static _ => new CachedSymbols());
        lock (cached)
        {
            if (cached.Namespace == ns)
            {
                return cached.Symbols;
            }
        }

        var symbols = Create(compilation, ns);
        lock (cached)
        {
            (cached.Namespace, cached.Symbols) = (ns, symbols);
        }

        return symbols;
    }

    private static DatoCmsSymbols? Create(Compilation compilation, string ns)
    {
        var errorCode = compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ErrorCode) ?? compilation.GetTypeByMetadataName(GeneratorOptions.DefaultNamespace + "." + GeneratedNames.ErrorCode);
        if (errorCode is null || errorCode.TypeKind != TypeKind.Enum)
        {
            return null;
        }

        ns = errorCode.ContainingNamespace.ToDisplayString();
        var transientAttribute = compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.TransientAttribute);
        var enumMember = compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute");
        var transient = ImmutableArray.CreateBuilder<IFieldSymbol>();
        var apiCodes = ImmutableArray.CreateBuilder<(string, IFieldSymbol)>();
        foreach (var member in errorCode.GetMembers())
        {
            if (member is not IFieldSymbol { HasConstantValue: true } field)
            {
                continue;
            }

            // The generated members are read from their syntax; binding their attributes (the
            // semantic way, kept for anything else) was most of this method's time.
            if (!TryReadGeneratedAttributes(field, errorCode, transientAttribute, enumMember, out var isTransient, out var apiCode))
            {
                isTransient = HasAttribute(field, transientAttribute);
                apiCode = ApiCodeOf(field, enumMember);
            }

            if (isTransient)
            {
                transient.Add(field);
            }

            if (apiCode is not null)
            {
                apiCodes.Add((apiCode, field));
            }
        }

        return new DatoCmsSymbols(
            errorCode,
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ErrorCodes),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ApiException),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.TransientApiException),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ApiError),
            transient.ToImmutable(),
            apiCodes.ToImmutable());
    }

    /// <summary>The member with this API string, or null; <paramref name="ignoreCase"/> for a comparison that ignores case.</summary>
    public IFieldSymbol? MemberFor(string apiCode, bool ignoreCase = false) =>
        (ignoreCase ? _memberByCodeIgnoringCase : _memberByCode).TryGetValue(apiCode, out var member) ? member : null;

    /// <summary>The API string of a member of <see cref="ApiCodes"/>, or null.</summary>
    public string? CodeOf(IFieldSymbol member) => _codeByMember.TryGetValue(member, out var code) ? code : null;

    /// <summary>Whether an enum value is one of the transient codes.</summary>
    public bool IsTransientValue(long value) => _transientValues.Contains(value);

    private static void AddFirst<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.ContainsKey(key))
        {
            map.Add(key, value);
        }
    }

    /// <summary>
    /// Reads the two attributes the generator writes on each member, <c>[global::System.Runtime.Serialization.EnumMember(Value = "CODE")]</c>
    /// and <c>[DatoCmsTransient(...)]</c>, from the member's syntax, where their names can only bind
    /// to those types: the first is fully qualified from <c>global::</c>, the second is looked up first
    /// in the enum's own namespace, which declares it. False (read them semantically) for a member
    /// with any other attribute or argument shape.
    /// </summary>
    private static bool TryReadGeneratedAttributes(IFieldSymbol field, INamedTypeSymbol errorCode, INamedTypeSymbol? transientAttribute, INamedTypeSymbol? enumMember, out bool isTransient, out string? apiCode)
    {
        isTransient = false;
        apiCode = null;
        if (enumMember is null || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not EnumMemberDeclarationSyntax declaration)
        {
            return false;
        }

        var transientInScope = transientAttribute is not null && errorCode.ContainingType is null
            && SymbolEqualityComparer.Default.Equals(transientAttribute.ContainingNamespace, errorCode.ContainingNamespace);
        foreach (var list in declaration.AttributeLists)
        {
            if (list.Target is not null)
            {
                return false;
            }

            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name.ToString();
                if (name is "global::System.Runtime.Serialization.EnumMember" or "global::System.Runtime.Serialization.EnumMemberAttribute")
                {
                    if (apiCode is not null || attribute.ArgumentList is not { Arguments.Count: 1 } arguments
                        || arguments.Arguments[0] is not { NameEquals.Name.Identifier.ValueText: "Value", Expression: LiteralExpressionSyntax literal }
                        || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        return false;
                    }

                    apiCode = literal.Token.ValueText;
                }
                else if (transientInScope && name is GeneratedNames.TransientAttributeUsage or GeneratedNames.TransientAttribute)
                {
                    isTransient = true;
                }
                else
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string? ApiCodeOf(IFieldSymbol field, INamedTypeSymbol? enumMember)
    {
        foreach (var data in field.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, enumMember))
            {
                foreach (var argument in data.NamedArguments)
                {
                    if (argument.Key == "Value" && argument.Value.Value is string value)
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is the API exception, one derived from it, or the per-error type.</summary>
    public bool IsApiErrorCarrier(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (ApiError is not null && SymbolEqualityComparer.Default.Equals(type, ApiError))
        {
            return true;
        }

        return IsApiException(type);
    }

    /// <summary>Whether <paramref name="type"/> is the API exception or derives from it.</summary>
    public bool IsApiException(ITypeSymbol? type) => DerivesFrom(type, ApiException);

    /// <summary>Whether <paramref name="type"/> is the transient API exception or derives from it.</summary>
    public bool IsTransientApiException(ITypeSymbol? type) => DerivesFrom(type, TransientApiException);

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What <see cref="TryCreate"/> resolved for one compilation (null symbols included).</summary>
    private sealed class CachedSymbols
    {
        public string? Namespace { get; set; }

        public DatoCmsSymbols? Symbols { get; set; }
    }
}
