export namespace app {
	
	export class Backlink {
	    noteId: number;
	    title: string;
	    excerpt: string;
	    via: string;
	    modifiedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Backlink(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.noteId = source["noteId"];
	        this.title = source["title"];
	        this.excerpt = source["excerpt"];
	        this.via = source["via"];
	        this.modifiedAt = source["modifiedAt"];
	    }
	}
	export class Block {
	    kind: string;
	    level: number;
	    start: number;
	    end: number;
	    boilerplate: string;
	
	    static createFrom(source: any = {}) {
	        return new Block(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.level = source["level"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.boilerplate = source["boilerplate"];
	    }
	}
	export class Fact {
	    kind: string;
	    value: string;
	    unit: string;
	    text: string;
	    start: number;
	    end: number;
	    sentence: TextSpan;
	    subject: string;
	
	    static createFrom(source: any = {}) {
	        return new Fact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.value = source["value"];
	        this.unit = source["unit"];
	        this.text = source["text"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.sentence = this.convertValues(source["sentence"], TextSpan);
	        this.subject = source["subject"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FactPair {
	    a: Fact;
	    b: Fact;
	    score: number;
	
	    static createFrom(source: any = {}) {
	        return new FactPair(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], Fact);
	        this.b = this.convertValues(source["b"], Fact);
	        this.score = source["score"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FactComparison {
	    agree: FactPair[];
	    differ: FactPair[];
	    onlyA: Fact[];
	    onlyB: Fact[];
	
	    static createFrom(source: any = {}) {
	        return new FactComparison(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.agree = this.convertValues(source["agree"], FactPair);
	        this.differ = this.convertValues(source["differ"], FactPair);
	        this.onlyA = this.convertValues(source["onlyA"], Fact);
	        this.onlyB = this.convertValues(source["onlyB"], Fact);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Quote {
	    id: number;
	    uuid: string;
	    sourceId: number;
	    sourceTitle: string;
	    sourceOutlet: string;
	    sourcePublished: string;
	    text: string;
	    start: number;
	    end: number;
	    kind: string;
	    status: string;
	    origin: string;
	    cue: string;
	    speakerText: string;
	    speakerId: number;
	    speaker: string;
	    role: string;
	    affiliation: string;
	    group: string;
	    groupSources: number;
	    orphan: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Quote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.uuid = source["uuid"];
	        this.sourceId = source["sourceId"];
	        this.sourceTitle = source["sourceTitle"];
	        this.sourceOutlet = source["sourceOutlet"];
	        this.sourcePublished = source["sourcePublished"];
	        this.text = source["text"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.origin = source["origin"];
	        this.cue = source["cue"];
	        this.speakerText = source["speakerText"];
	        this.speakerId = source["speakerId"];
	        this.speaker = source["speaker"];
	        this.role = source["role"];
	        this.affiliation = source["affiliation"];
	        this.group = source["group"];
	        this.groupSources = source["groupSources"];
	        this.orphan = source["orphan"];
	    }
	}
	export class SharedQuote {
	    a: Quote;
	    b: Quote;
	    relation: string;
	    sameWords: boolean;
	    sameSpeaker: boolean;
	    ops: DiffOp[];
	
	    static createFrom(source: any = {}) {
	        return new SharedQuote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], Quote);
	        this.b = this.convertValues(source["b"], Quote);
	        this.relation = source["relation"];
	        this.sameWords = source["sameWords"];
	        this.sameSpeaker = source["sameSpeaker"];
	        this.ops = this.convertValues(source["ops"], DiffOp);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class QuoteComparison {
	    shared: SharedQuote[];
	    differing: SharedQuote[];
	    onlyA: Quote[];
	    onlyB: Quote[];
	    speakersA: string[];
	    speakersB: string[];
	
	    static createFrom(source: any = {}) {
	        return new QuoteComparison(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shared = this.convertValues(source["shared"], SharedQuote);
	        this.differing = this.convertValues(source["differing"], SharedQuote);
	        this.onlyA = this.convertValues(source["onlyA"], Quote);
	        this.onlyB = this.convertValues(source["onlyB"], Quote);
	        this.speakersA = source["speakersA"];
	        this.speakersB = source["speakersB"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DiffOp {
	    kind: string;
	    a: string;
	    b: string;
	
	    static createFrom(source: any = {}) {
	        return new DiffOp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.a = source["a"];
	        this.b = source["b"];
	    }
	}
	export class TextSpan {
	    start: number;
	    end: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new TextSpan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.end = source["end"];
	        this.text = source["text"];
	    }
	}
	export class SharedPassage {
	    a: TextSpan;
	    b: TextSpan;
	    kind: string;
	    score: number;
	    ops: DiffOp[];
	
	    static createFrom(source: any = {}) {
	        return new SharedPassage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], TextSpan);
	        this.b = this.convertValues(source["b"], TextSpan);
	        this.kind = source["kind"];
	        this.score = source["score"];
	        this.ops = this.convertValues(source["ops"], DiffOp);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ComparePair {
	    a: number;
	    b: number;
	    coverageA: number;
	    coverageB: number;
	    shared: SharedPassage[];
	    onlyA: TextSpan[];
	    onlyB: TextSpan[];
	    quotes: QuoteComparison;
	    facts: FactComparison;
	
	    static createFrom(source: any = {}) {
	        return new ComparePair(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = source["a"];
	        this.b = source["b"];
	        this.coverageA = source["coverageA"];
	        this.coverageB = source["coverageB"];
	        this.shared = this.convertValues(source["shared"], SharedPassage);
	        this.onlyA = this.convertValues(source["onlyA"], TextSpan);
	        this.onlyB = this.convertValues(source["onlyB"], TextSpan);
	        this.quotes = this.convertValues(source["quotes"], QuoteComparison);
	        this.facts = this.convertValues(source["facts"], FactComparison);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TimelineMention {
	    sourceId: number;
	    text: string;
	    sentence: string;
	    start: number;
	
	    static createFrom(source: any = {}) {
	        return new TimelineMention(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sourceId = source["sourceId"];
	        this.text = source["text"];
	        this.sentence = source["sentence"];
	        this.start = source["start"];
	    }
	}
	export class TimelineEvent {
	    date: string;
	    label: string;
	    mentions: TimelineMention[];
	    other: string[];
	
	    static createFrom(source: any = {}) {
	        return new TimelineEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.label = source["label"];
	        this.mentions = this.convertValues(source["mentions"], TimelineMention);
	        this.other = source["other"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OverviewQuote {
	    group: string;
	    text: string;
	    speaker: string;
	    sources: number[];
	
	    static createFrom(source: any = {}) {
	        return new OverviewQuote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.text = source["text"];
	        this.speaker = source["speaker"];
	        this.sources = source["sources"];
	    }
	}
	export class Overview {
	    coverage: number[][];
	    quotes: OverviewQuote[];
	    timeline: TimelineEvent[];
	
	    static createFrom(source: any = {}) {
	        return new Overview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coverage = source["coverage"];
	        this.quotes = this.convertValues(source["quotes"], OverviewQuote);
	        this.timeline = this.convertValues(source["timeline"], TimelineEvent);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SourceSummary {
	    id: number;
	    uuid: string;
	    title: string;
	    outlet: string;
	    authors: string[];
	    published: string;
	    kind: string;
	    words: number;
	    importedAt: string;
	    storyIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new SourceSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.uuid = source["uuid"];
	        this.title = source["title"];
	        this.outlet = source["outlet"];
	        this.authors = source["authors"];
	        this.published = source["published"];
	        this.kind = source["kind"];
	        this.words = source["words"];
	        this.importedAt = source["importedAt"];
	        this.storyIds = source["storyIds"];
	    }
	}
	export class Comparison {
	    sources: SourceSummary[];
	    pairs: ComparePair[];
	    overview: Overview;
	
	    static createFrom(source: any = {}) {
	        return new Comparison(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sources = this.convertValues(source["sources"], SourceSummary);
	        this.pairs = this.convertValues(source["pairs"], ComparePair);
	        this.overview = this.convertValues(source["overview"], Overview);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ExportFormat {
	    id: string;
	    label: string;
	    ext: string;
	    folder: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportFormat(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.ext = source["ext"];
	        this.folder = source["folder"];
	    }
	}
	export class ExportRequest {
	    format: string;
	    storyId: number;
	    path: string;
	    replace: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.storyId = source["storyId"];
	        this.path = source["path"];
	        this.replace = source["replace"];
	    }
	}
	export class ExportResult {
	    path: string;
	    format: string;
	    folder: boolean;
	    bytes: number;
	    sources: number;
	    millis: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.format = source["format"];
	        this.folder = source["folder"];
	        this.bytes = source["bytes"];
	        this.sources = source["sources"];
	        this.millis = source["millis"];
	    }
	}
	
	
	
	export class FileData {
	    name: string;
	    data: string;
	
	    static createFrom(source: any = {}) {
	        return new FileData(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.data = source["data"];
	    }
	}
	export class FileResult {
	    name: string;
	    source?: SourceSummary;
	    duplicate: boolean;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new FileResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.source = this.convertValues(source["source"], SourceSummary);
	        this.duplicate = source["duplicate"];
	        this.error = source["error"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Highlight {
	    id: number;
	    sourceId: number;
	    start: number;
	    end: number;
	    text: string;
	    note: string;
	    orphan: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Highlight(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sourceId = source["sourceId"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.text = source["text"];
	        this.note = source["note"];
	        this.orphan = source["orphan"];
	    }
	}
	export class HighlightRequest {
	    sourceId: number;
	    start: number;
	    end: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new HighlightRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sourceId = source["sourceId"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.note = source["note"];
	    }
	}
	export class Segment {
	    text: string;
	    match: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Segment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.match = source["match"];
	    }
	}
	export class Hit {
	    kind: string;
	    id: number;
	    sourceId: number;
	    title: string;
	    speaker: string;
	    sourceTitle: string;
	    outlet: string;
	    published: string;
	    snippet: Segment[];
	    score: number;
	
	    static createFrom(source: any = {}) {
	        return new Hit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.sourceId = source["sourceId"];
	        this.title = source["title"];
	        this.speaker = source["speaker"];
	        this.sourceTitle = source["sourceTitle"];
	        this.outlet = source["outlet"];
	        this.published = source["published"];
	        this.snippet = this.convertValues(source["snippet"], Segment);
	        this.score = source["score"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportResult {
	    source: SourceSummary;
	    duplicate: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = this.convertValues(source["source"], SourceSummary);
	        this.duplicate = source["duplicate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportTextRequest {
	    title: string;
	    text: string;
	    storyId: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportTextRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.text = source["text"];
	        this.storyId = source["storyId"];
	    }
	}
	export class Info {
	    version: string;
	    notebookPath: string;
	    mode: string;
	    schemaVersion: number;
	    sources: number;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.notebookPath = source["notebookPath"];
	        this.mode = source["mode"];
	        this.schemaVersion = source["schemaVersion"];
	        this.sources = source["sources"];
	    }
	}
	export class MergeResult {
	    path: string;
	    kind: string;
	    added: Record<string, number>;
	    updated: Record<string, number>;
	    unchanged: number;
	    conflicts: db.Conflict[];
	    skipped: string[];
	    backup: string;
	    millis: number;
	
	    static createFrom(source: any = {}) {
	        return new MergeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.conflicts = this.convertValues(source["conflicts"], db.Conflict);
	        this.skipped = source["skipped"];
	        this.backup = source["backup"];
	        this.millis = source["millis"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Job {
	    id: string;
	    kind: string;
	    title: string;
	    done: number;
	    total: number;
	    unit: string;
	    started: string;
	    finished: boolean;
	    error?: string;
	    code?: string;
	    export?: ExportResult;
	    merge?: MergeResult;
	
	    static createFrom(source: any = {}) {
	        return new Job(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.unit = source["unit"];
	        this.started = source["started"];
	        this.finished = source["finished"];
	        this.error = source["error"];
	        this.code = source["code"];
	        this.export = this.convertValues(source["export"], ExportResult);
	        this.merge = this.convertValues(source["merge"], MergeResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Story {
	    id: number;
	    uuid: string;
	    title: string;
	    createdAt: string;
	    sourceIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new Story(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.uuid = source["uuid"];
	        this.title = source["title"];
	        this.createdAt = source["createdAt"];
	        this.sourceIds = source["sourceIds"];
	    }
	}
	export class Library {
	    stories: Story[];
	    sources: SourceSummary[];
	
	    static createFrom(source: any = {}) {
	        return new Library(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stories = this.convertValues(source["stories"], Story);
	        this.sources = this.convertValues(source["sources"], SourceSummary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LibraryPage {
	    offset: number;
	    total: number;
	    all: number;
	    index: number;
	    sources: SourceSummary[];
	
	    static createFrom(source: any = {}) {
	        return new LibraryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.offset = source["offset"];
	        this.total = source["total"];
	        this.all = source["all"];
	        this.index = source["index"];
	        this.sources = this.convertValues(source["sources"], SourceSummary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LibraryRequest {
	    filter: string;
	    offset: number;
	    limit: number;
	    around: number;
	
	    static createFrom(source: any = {}) {
	        return new LibraryRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = source["filter"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.around = source["around"];
	    }
	}
	export class LinkTarget {
	    kind: string;
	    id: number;
	    label: string;
	    detail: string;
	    insert: string;
	
	    static createFrom(source: any = {}) {
	        return new LinkTarget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.label = source["label"];
	        this.detail = source["detail"];
	        this.insert = source["insert"];
	    }
	}
	
	export class NoteLink {
	    target: string;
	    text: string;
	    kind: string;
	    id: number;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new NoteLink(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.text = source["text"];
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.label = source["label"];
	    }
	}
	export class NoteTarget {
	    kind: string;
	    id: number;
	    start?: number;
	    end?: number;
	    sourceId?: number;
	    label: string;
	    orphan?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new NoteTarget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.sourceId = source["sourceId"];
	        this.label = source["label"];
	        this.orphan = source["orphan"];
	    }
	}
	export class Note {
	    id: number;
	    uuid: string;
	    title: string;
	    body: string;
	    attached: NoteTarget[];
	    links: NoteLink[];
	    tags: string[];
	    createdAt: string;
	    modifiedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Note(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.uuid = source["uuid"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.attached = this.convertValues(source["attached"], NoteTarget);
	        this.links = this.convertValues(source["links"], NoteLink);
	        this.tags = source["tags"];
	        this.createdAt = source["createdAt"];
	        this.modifiedAt = source["modifiedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NoteFilter {
	    kind: string;
	    id: number;
	    tag: string;
	    standalone: boolean;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new NoteFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.tag = source["tag"];
	        this.standalone = source["standalone"];
	        this.limit = source["limit"];
	    }
	}
	
	export class NoteRequest {
	    body: string;
	    attach?: NoteTarget;
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new NoteRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.body = source["body"];
	        this.attach = this.convertValues(source["attach"], NoteTarget);
	        this.tags = source["tags"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class QuoteVariant {
	    quoteId: number;
	    relation: string;
	    score: number;
	    ops: DiffOp[];
	
	    static createFrom(source: any = {}) {
	        return new QuoteVariant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quoteId = source["quoteId"];
	        this.relation = source["relation"];
	        this.score = source["score"];
	        this.ops = this.convertValues(source["ops"], DiffOp);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class QuotePage {
	    group: string;
	    quotes: Quote[];
	    longest: number;
	    variants: QuoteVariant[];
	    speakers: string[];
	
	    static createFrom(source: any = {}) {
	        return new QuotePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.quotes = this.convertValues(source["quotes"], Quote);
	        this.longest = source["longest"];
	        this.variants = this.convertValues(source["variants"], QuoteVariant);
	        this.speakers = source["speakers"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class QuoteRequest {
	    sourceId: number;
	    start: number;
	    end: number;
	    speaker: string;
	    kind: string;
	
	    static createFrom(source: any = {}) {
	        return new QuoteRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sourceId = source["sourceId"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.speaker = source["speaker"];
	        this.kind = source["kind"];
	    }
	}
	
	export class Source {
	    id: number;
	    uuid: string;
	    title: string;
	    outlet: string;
	    authors: string[];
	    published: string;
	    kind: string;
	    words: number;
	    importedAt: string;
	    storyIds: number[];
	    url: string;
	    updated: string;
	    lang: string;
	    description: string;
	    mediaType: string;
	    originalName: string;
	    extractor: string;
	    text: string;
	    blocks: Block[];
	
	    static createFrom(source: any = {}) {
	        return new Source(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.uuid = source["uuid"];
	        this.title = source["title"];
	        this.outlet = source["outlet"];
	        this.authors = source["authors"];
	        this.published = source["published"];
	        this.kind = source["kind"];
	        this.words = source["words"];
	        this.importedAt = source["importedAt"];
	        this.storyIds = source["storyIds"];
	        this.url = source["url"];
	        this.updated = source["updated"];
	        this.lang = source["lang"];
	        this.description = source["description"];
	        this.mediaType = source["mediaType"];
	        this.originalName = source["originalName"];
	        this.extractor = source["extractor"];
	        this.text = source["text"];
	        this.blocks = this.convertValues(source["blocks"], Block);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReextractResult {
	    source: Source;
	    kept: number;
	    moved: number;
	    orphans: number;
	    added: number;
	
	    static createFrom(source: any = {}) {
	        return new ReextractResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = this.convertValues(source["source"], Source);
	        this.kept = source["kept"];
	        this.moved = source["moved"];
	        this.orphans = source["orphans"];
	        this.added = source["added"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RestoreResult {
	    restored: db.BackupInfo;
	    before: db.BackupInfo;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.restored = this.convertValues(source["restored"], db.BackupInfo);
	        this.before = this.convertValues(source["before"], db.BackupInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SearchGroup {
	    kind: string;
	    hits: Hit[];
	    total: number;
	    more: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SearchGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.hits = this.convertValues(source["hits"], Hit);
	        this.total = source["total"];
	        this.more = source["more"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SearchRequest {
	    query: string;
	    asYouType: boolean;
	    kinds: string[];
	    storyId: number;
	    tag: string;
	    speakerId: number;
	    outlet: string;
	    from: string;
	    to: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new SearchRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.asYouType = source["asYouType"];
	        this.kinds = source["kinds"];
	        this.storyId = source["storyId"];
	        this.tag = source["tag"];
	        this.speakerId = source["speakerId"];
	        this.outlet = source["outlet"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.limit = source["limit"];
	    }
	}
	export class SearchResults {
	    query: string;
	    hits: Hit[];
	    groups: SearchGroup[];
	
	    static createFrom(source: any = {}) {
	        return new SearchResults(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.hits = this.convertValues(source["hits"], Hit);
	        this.groups = this.convertValues(source["groups"], SearchGroup);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class SourceUpdate {
	    id: number;
	    title: string;
	    outlet: string;
	    authors: string[];
	    published: string;
	    updated: string;
	    url: string;
	    kind: string;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new SourceUpdate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.outlet = source["outlet"];
	        this.authors = source["authors"];
	        this.published = source["published"];
	        this.updated = source["updated"];
	        this.url = source["url"];
	        this.kind = source["kind"];
	        this.lang = source["lang"];
	    }
	}
	export class Speaker {
	    id: number;
	    uuid: string;
	    name: string;
	    role: string;
	    affiliation: string;
	    aliases: string[];
	    quotes: number;
	    sources: number;
	
	    static createFrom(source: any = {}) {
	        return new Speaker(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.uuid = source["uuid"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.affiliation = source["affiliation"];
	        this.aliases = source["aliases"];
	        this.quotes = source["quotes"];
	        this.sources = source["sources"];
	    }
	}
	export class SpeakerSuggestion {
	    speaker: string;
	    role: string;
	    affiliation: string;
	    cue: string;
	
	    static createFrom(source: any = {}) {
	        return new SpeakerSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.speaker = source["speaker"];
	        this.role = source["role"];
	        this.affiliation = source["affiliation"];
	        this.cue = source["cue"];
	    }
	}
	export class SpeakerUpdate {
	    id: number;
	    name: string;
	    role: string;
	    affiliation: string;
	
	    static createFrom(source: any = {}) {
	        return new SpeakerUpdate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.affiliation = source["affiliation"];
	    }
	}
	
	export class StorySpeaker {
	    speakerId: number;
	    name: string;
	    role: string;
	    quotes: Quote[];
	
	    static createFrom(source: any = {}) {
	        return new StorySpeaker(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.speakerId = source["speakerId"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.quotes = this.convertValues(source["quotes"], Quote);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StoryPage {
	    story: Story;
	    sources: SourceSummary[];
	    speakers: StorySpeaker[];
	    notes: Note[];
	    timeline: TimelineEvent[];
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new StoryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.story = this.convertValues(source["story"], Story);
	        this.sources = this.convertValues(source["sources"], SourceSummary);
	        this.speakers = this.convertValues(source["speakers"], StorySpeaker);
	        this.notes = this.convertValues(source["notes"], Note);
	        this.timeline = this.convertValues(source["timeline"], TimelineEvent);
	        this.tags = source["tags"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Tag {
	    id: number;
	    name: string;
	    color: string;
	    uses: number;
	
	    static createFrom(source: any = {}) {
	        return new Tag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.color = source["color"];
	        this.uses = source["uses"];
	    }
	}
	
	
	
	export class UndoInfo {
	    what: string;
	
	    static createFrom(source: any = {}) {
	        return new UndoInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.what = source["what"];
	    }
	}

}

export namespace db {
	
	export class BackupInfo {
	    name: string;
	    path: string;
	    reason: string;
	    // Go type: time
	    time: any;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.reason = source["reason"];
	        this.time = this.convertValues(source["time"], null);
	        this.bytes = source["bytes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Conflict {
	    table: string;
	    uuid: string;
	    label: string;
	    kept: string;
	    notebookModified: string;
	    incomingModified: string;
	
	    static createFrom(source: any = {}) {
	        return new Conflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.table = source["table"];
	        this.uuid = source["uuid"];
	        this.label = source["label"];
	        this.kept = source["kept"];
	        this.notebookModified = source["notebookModified"];
	        this.incomingModified = source["incomingModified"];
	    }
	}

}

