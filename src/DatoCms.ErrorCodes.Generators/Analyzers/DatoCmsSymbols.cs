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
/// enum members, so the analyzers always enforce what this build's spec says. The rules ask for them
/// at their first callback (see <see cref="Later"/>; DATO003 at compilation start, and only where Polly
/// is referenced); they are built once per compilation and shared (see <see cref="TryCreate"/>),
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
    private readonly CodeValueList _transientValues;

    private DatoCmsSymbols(
        INamedTypeSymbol errorCode,
        INamedTypeSymbol? errorCodes,
        INamedTypeSymbol? apiException,
        INamedTypeSymbol? transientApiException,
        INamedTypeSymbol? apiError,
        ImmutableArray<IFieldSymbol> transientCodes,
        CodeValueList transientValues,
        ImmutableArray<ApiCodeMember> apiCodes)
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

        _transientValues = transientValues;
    }

    public INamedTypeSymbol ErrorCode { get; }

    public INamedTypeSymbol? ErrorCodes { get; }

    public INamedTypeSymbol? ApiException { get; }

    public INamedTypeSymbol? TransientApiException { get; }

    public INamedTypeSymbol? ApiError { get; }

    /// <summary>Every member's API string (from its [EnumMember]), in declaration order.</summary>
    public ImmutableArray<ApiCodeMember> ApiCodes { get; }

    /// <summary>Enum members marked transient, in declaration order.</summary>
    public ImmutableArray<IFieldSymbol> TransientCodes { get; }

    /// <summary>The constant value of the <paramref name="index"/>-th of <see cref="TransientCodes"/>.</summary>
    public long TransientValue(int index) => _transientValues[index];

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

    /// <summary>
    /// <see cref="TryCreate"/> put off until a rule's first callback asks for it, then shared like it.
    /// At compilation start the compiler is still declaring the source on another thread, and the
    /// first lookup in it waits for that (about 30 ms of a cold build of the 2,000-method consumer,
    /// counted as analyzer time); by the first callback on a body the declarations are done. The
    /// rules register their actions unconditionally and return at once where <paramref name="select"/> gives null.
    /// </summary>
    public static Lazy<T?> Later<T>(Compilation compilation, AnalyzerOptions options, Func<DatoCmsSymbols, T?> select)
        where T : class =>
        new(() => TryCreate(compilation, options) is { } symbols ? select(symbols) : null, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    private static DatoCmsSymbols? Create(Compilation compilation, string ns)
    {
        var errorCode = compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ErrorCode);
        if (errorCode is null)
        {
            // Found by its metadata name, the enum's namespace is the one asked for: no need to
            // display the symbol's (a cold symbol display cost milliseconds of a fresh compiler process).
            ns = GeneratorOptions.DefaultNamespace;
            errorCode = compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ErrorCode);
        }

        if (errorCode is null || errorCode.TypeKind != TypeKind.Enum)
        {
            return null;
        }

        var transientAttribute = compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.TransientAttribute);
        var enumMember = compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute");
        var transient = ImmutableArray.CreateBuilder<IFieldSymbol>();
        // The values in a list of our own, the pairs as a class: generic code over long or a value
        // tuple is compiled just in time in every compiler process (see CodeValueList).
        var transientValues = new CodeValueList();
        var apiCodes = ImmutableArray.CreateBuilder<ApiCodeMember>();
        var intValued = IsIntEnumBySyntax(errorCode);
        foreach (var member in errorCode.GetMembers())
        {
            if (member is not IFieldSymbol field)
            {
                continue;
            }

            // The generated members are read from their syntax, values included; binding their
            // attributes and their "= n" values (the semantic way, kept for anything else) was
            // most of this method's time, and the compiler binds the values itself when it emits the enum.
            if (!TryReadGeneratedMember(field, errorCode, intValued, transientAttribute, enumMember, out var isTransient, out var apiCode, out var value))
            {
                if (!field.HasConstantValue)
                {
                    continue;
                }

                isTransient = HasAttribute(field, transientAttribute);
                apiCode = ApiCodeOf(field, enumMember);
                value = isTransient ? Convert.ToInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture) : 0;
            }

            if (isTransient)
            {
                transient.Add(field);
                transientValues.Add(value);
            }

            if (apiCode is not null)
            {
                apiCodes.Add(new ApiCodeMember(apiCode, field));
            }
        }

        return new DatoCmsSymbols(
            errorCode,
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ErrorCodes),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ApiException),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.TransientApiException),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ApiError),
            transient.ToImmutable(),
            transientValues,
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
    /// Whether the enum is declared once, in source, with no base type: its members are then <c>int</c>
    /// constants, and a member written <c>Name = 12</c> has the value 12.
    /// </summary>
    private static bool IsIntEnumBySyntax(INamedTypeSymbol errorCode) =>
        errorCode.DeclaringSyntaxReferences.Length == 1
        && errorCode.DeclaringSyntaxReferences[0].GetSyntax() is EnumDeclarationSyntax { BaseList: null };

    /// <summary>
    /// Reads what the generator writes on each member from the member's syntax: the two attributes,
    /// <c>[global::System.Runtime.Serialization.EnumMember(Value = "CODE")]</c> and <c>[DatoCmsTransient(...)]</c>,
    /// where their names can only bind to those types (the first is fully qualified from <c>global::</c>,
    /// the second is looked up first in the enum's own namespace, which declares it), and the value,
    /// a non-negative <c>int</c> literal in an <c>int</c> enum. False (read them semantically) for a
    /// member with any other attribute, argument or value shape.
    /// </summary>
    private static bool TryReadGeneratedMember(IFieldSymbol field, INamedTypeSymbol errorCode, bool intValued, INamedTypeSymbol? transientAttribute, INamedTypeSymbol? enumMember, out bool isTransient, out string? apiCode, out long value)
    {
        isTransient = false;
        apiCode = null;
        value = 0;
        if (enumMember is null || !intValued || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not EnumMemberDeclarationSyntax declaration
            || declaration.EqualsValue?.Value is not LiteralExpressionSyntax { Token.Value: int written } number
            || !number.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            return false;
        }

        value = written;

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
