using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>What the markdown reader found on the page: entries in page order and problems.</summary>
internal sealed record ErrorPage(IReadOnlyList<PageEntry> Entries, IReadOnlyList<DiagnosticInfo> Diagnostics);
