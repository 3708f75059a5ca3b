using System.Text;
using DatoCms.ErrorCodes;

// Every type used here (DatoCmsErrorCode, DatoCmsErrorCodes, DatoCmsLimits...) is generated at
// compile time from spec/datocms-cma-errors.md and spec/datocms-cma-errors.yaml.
Console.OutputEncoding = Encoding.UTF8;

Console.WriteLine($"DatoCMS Content Management API: {DatoCmsErrorCodes.Count} error codes, {DatoCmsErrorCodes.TransientCodes.Count} transient");
Console.WriteLine();
CodeTable.Print(DatoCmsErrorCodes.All);

Console.WriteLine();
Console.WriteLine("Look-ups");
Lookups.Show("ITEM_LOCKED");
Lookups.Show("STALE_ITEM_VERSION");
Lookups.Show("RATE_LIMIT_EXCEEDED");
Lookups.Show("item_locked");
Lookups.Show("SOMETHING_NEW_FROM_THE_API");
Lookups.ShowUtf8("{\"code\":\"ENVIRONMENT_NOT_READY\"}"u8.Slice(9, 21));

Console.WriteLine();
Console.WriteLine("Technical limits");
Console.WriteLine($"  {DatoCmsLimits.RequestsPerWindow} requests per {DatoCmsLimits.RateLimitWindow.TotalSeconds:0} s window (headers {DatoCmsLimits.RateLimitLimitHeader}, {DatoCmsLimits.RateLimitRemainingHeader}, {DatoCmsLimits.RateLimitResetHeader})");
Console.WriteLine($"  records: at most {DatoCmsLimits.MaxRecordSizeKilobytes} KB, {DatoCmsLimits.MaxBlocksPerRecord} blocks, {DatoCmsLimits.MaxBlockNestingDepth} levels of nesting, {DatoCmsLimits.ConcurrentEditorsPerRecord} editor at a time");
Console.WriteLine($"  uploads: at most {DatoCmsLimits.MaxAssetSizeGigabytes} GB; batch requests: at most {DatoCmsLimits.MaxOperationsPerBatch} operations");

Console.WriteLine();
Console.WriteLine("Typed exceptions from error bodies");
RetryDemo.ShowTypedExceptions();

Console.WriteLine();
Console.WriteLine("The retry handler against an in-process imitation of the API");
await RetryDemo.ShowRetryHandlerAsync();
