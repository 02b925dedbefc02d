//! pyrt-derive: `#[derive(Trace)]`, the one derive of pyrt's native-type API.
//!
//! Owns the code generation of `pyrt_native::Trace` impls: `traverse` visits every
//! field, `clear` clears every field (each field's own `Trace` impl decides what that
//! means: a `Py<_>` is visited, an `Option<Py<_>>` is taken, plain data does nothing),
//! and `HAS_REFS` is the OR of the fields'. Must not contain runtime logic: the
//! semantics live in the `Trace` impls of `pyrt-native`.
//!
//! Attributes:
//! - `#[trace(skip)]` on a field: neither visited nor cleared (and it adds no bound).
//! - `#[trace(crate = "path")]` on the type: where `Trace` lives (default
//!   `::pyrt_native`; use `"pyrt::native"` when depending on the facade only).
//!
//! ```
//! #[derive(pyrt_native::Trace, Default)]
//! struct Node { value: i64, next: Option<pyrt_native::Py<pyrt_native::PyAny>> }
//! assert!(<Node as pyrt_native::Trace>::HAS_REFS);
//! ```

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields, Index, parse_macro_input, parse_quote};

/// Derives `Trace` (GC traversal and clearing) for a struct or enum whose fields'
/// types implement `Trace`; `#[trace(skip)]` opts a field out.
///
/// ```
/// use pyrt_native::{Py, PyAny, Trace};
/// struct Opaque; // no Trace impl: skipped
/// #[derive(Trace)]
/// struct Pair { left: Option<Py<PyAny>>, right: Option<Py<PyAny>>, #[trace(skip)] tag: Opaque }
/// #[derive(Trace)]
/// #[trace(crate = "pyrt_native")]
/// enum Shape { Empty, One(Py<PyAny>), Many { items: Vec<Py<PyAny>>, n: u8 } }
/// assert!(<Pair as Trace>::HAS_REFS && <Shape as Trace>::HAS_REFS);
/// #[derive(Trace)]
/// struct Plain(i64, String);
/// assert!(!<Plain as Trace>::HAS_REFS);
/// ```
///
/// A field whose type has no `Trace` impl is a compile error (never silently
/// untraced): derive `Trace` for it or mark it `#[trace(skip)]`.
///
/// ```compile_fail
/// use pyrt_native::Trace;
/// struct Opaque;
/// #[derive(Trace)]
/// struct S { o: Opaque }
/// ```
#[proc_macro_derive(Trace, attributes(trace))]
pub fn derive_trace(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// One traced field: how to reach it in `&self` / `&mut self` code and its type.
struct Field {
    access: Tokens,
    ty: syn::Type,
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let krate = crate_path(&input.attrs)?;
    let name = &input.ident;
    let mut generics = input.generics.clone();
    for p in generics.type_params_mut() {
        p.bounds.push(parse_quote!(#krate::Trace));
    }
    let (impl_g, ty_g, where_g) = generics.split_for_impl();
    let (traverse, clear, tys) = match &input.data {
        Data::Struct(s) => struct_bodies(&krate, &s.fields)?,
        Data::Enum(e) => enum_bodies(&krate, e)?,
        Data::Union(u) => {
            return Err(syn::Error::new(
                u.union_token.span,
                "Trace cannot be derived for unions",
            ));
        }
    };
    Ok(quote! {
        // SAFETY: generated: traverse visits each field once through the field's own
        // Trace impl and clear only moves fields into the release list.
        unsafe impl #impl_g #krate::Trace for #name #ty_g #where_g {
            const HAS_REFS: bool = false #(|| <#tys as #krate::Trace>::HAS_REFS)*;
            fn traverse(&self, visit: &mut #krate::Visit<'_>) {
                #traverse
            }
            fn clear(&mut self, released: &mut #krate::Released) {
                #clear
            }
        }
    })
}

/// `#[trace(crate = "...")]` or the default `::pyrt_native`.
fn crate_path(attrs: &[syn::Attribute]) -> syn::Result<syn::Path> {
    let mut path: syn::Path = parse_quote!(::pyrt_native);
    for a in attrs.iter().filter(|a| a.path().is_ident("trace")) {
        a.parse_nested_meta(|m| {
            if m.path.is_ident("crate") {
                let s: syn::LitStr = m.value()?.parse()?;
                path = s.parse()?;
                Ok(())
            } else {
                Err(m.error("expected `crate = \"path\"`"))
            }
        })?;
    }
    Ok(path)
}

/// Whether a field carries `#[trace(skip)]` (other `trace` arguments are errors).
fn is_skipped(f: &syn::Field) -> syn::Result<bool> {
    let mut skip = false;
    for a in f.attrs.iter().filter(|a| a.path().is_ident("trace")) {
        a.parse_nested_meta(|m| {
            if m.path.is_ident("skip") {
                skip = true;
                Ok(())
            } else {
                Err(m.error("expected `skip`"))
            }
        })?;
    }
    Ok(skip)
}

/// The traced fields of `fields`, reached through `access(i, field)`.
fn traced(
    fields: &Fields,
    access: impl Fn(usize, &syn::Field) -> Tokens,
) -> syn::Result<Vec<Field>> {
    let mut out = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if !is_skipped(f)? {
            out.push(Field {
                access: access(i, f),
                ty: f.ty.clone(),
            });
        }
    }
    Ok(out)
}

type Bodies = (Tokens, Tokens, Vec<syn::Type>);

fn struct_bodies(krate: &syn::Path, fields: &Fields) -> syn::Result<Bodies> {
    let fs = traced(fields, |i, f| match &f.ident {
        Some(id) => quote!(self.#id),
        None => {
            let i = Index::from(i);
            quote!(self.#i)
        }
    })?;
    let visits = fs.iter().map(|f| {
        let a = &f.access;
        quote!(#krate::Trace::traverse(&#a, visit);)
    });
    let clears = fs.iter().map(|f| {
        let a = &f.access;
        quote!(#krate::Trace::clear(&mut #a, released);)
    });
    let tys = fs.iter().map(|f| f.ty.clone()).collect();
    Ok((quote!(#(#visits)*), quote!(#(#clears)*), tys))
}

fn enum_bodies(krate: &syn::Path, e: &syn::DataEnum) -> syn::Result<Bodies> {
    let (mut traverse_arms, mut clear_arms, mut tys) = (Vec::new(), Vec::new(), Vec::new());
    for v in &e.variants {
        let vname = &v.ident;
        let binding = |i: usize, f: &syn::Field| match &f.ident {
            Some(id) => quote!(#id),
            None => {
                let b = format_ident!("__f{}", i);
                quote!(#b)
            }
        };
        let fs = traced(&v.fields, binding)?;
        let all: Vec<Tokens> = v
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| binding(i, f))
            .collect();
        let pat = match &v.fields {
            Fields::Named(_) => quote!(Self::#vname { #(#all,)* }),
            Fields::Unnamed(_) => quote!(Self::#vname ( #(#all,)* )),
            Fields::Unit => quote!(Self::#vname),
        };
        let visits = fs.iter().map(|f| {
            let a = &f.access;
            quote!(#krate::Trace::traverse(#a, visit);)
        });
        let clears = fs.iter().map(|f| {
            let a = &f.access;
            quote!(#krate::Trace::clear(#a, released);)
        });
        traverse_arms.push(quote!(#[allow(unused_variables)] #pat => { #(#visits)* }));
        clear_arms.push(quote!(#[allow(unused_variables)] #pat => { #(#clears)* }));
        tys.extend(fs.iter().map(|f| f.ty.clone()));
    }
    if e.variants.is_empty() {
        return Ok((quote!(match *self {}), quote!(match *self {}), tys));
    }
    let traverse = quote!(match self { #(#traverse_arms)* });
    let clear = quote!(match self { #(#clear_arms)* });
    Ok((traverse, clear, tys))
}
