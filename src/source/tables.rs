//! Reading the little-endian tables that the data files under `rules/` are laid out as, in
//! place: the `i`th element of a slice of u32, u64, f32 or f64.

pub fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().expect("4 bytes"))
}

pub fn u64_at(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("8 bytes"))
}

pub fn f32_at(bytes: &[u8], i: usize) -> f32 {
    f32::from_bits(u32_at(bytes, i))
}

pub fn f64_at(bytes: &[u8], i: usize) -> f64 {
    f64::from_bits(u64_at(bytes, i))
}
