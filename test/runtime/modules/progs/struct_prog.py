import struct
for f,v in [('<b',200),('b',200),('B',-1),('<B',300),('h',40000),('<H',-1),('i',2**31),('<I',-1),('I',-1),('Q',-1),('<q',2**63),('<l',2**40),('b',1.5),('<f',1e300),('<e',1e6),('c',b'ab'),('s','x'),('?',[]),('e','x'),('d','x'),('<i', True),('d', 1),('>Q', 2**64-1),('<q', -2**63),('c', bytearray(b'z')),('e', 1.5),('e', 65504.0),('e', 1e-8),('e', float('inf')),('<d', -0.0)]:
  try: print(f, struct.pack(f, v))
  except Exception as e: print(f, type(e).__name__, e)
for f in ['4','y','2x3','',' i ','i i', '@ci', '=ci', 'ciq', '0s', '3p', 'b0i', '!hhl', 'x3xc', '4si', b'<2H']:
  try: print(repr(f), struct.calcsize(f))
  except Exception as e: print(type(e).__name__, e)
print(struct.pack('5p', b'ab'), struct.pack('2p', b'abc'), struct.pack('300p', b'a'*300)[:3], struct.unpack('5p', b'\x09abcd'), struct.pack('0p', b'x'), struct.unpack('0s', b''))
print(struct.pack('3s', b'a'), struct.pack('?', 5), struct.pack('<e', 1.5), struct.unpack('<e', b'\x00\x7c'), struct.unpack('>d', b'\x7f\xf8' + b'\x00' * 6))
vals = (1, -2, 3, -4, 5, -6, 7, 8, 9, 1.5, 2.5, True, b'xy', b'q')
fmt = 'bhiqlnBHIQ' + 'fd?2sc'
fmt = 'bhiqlnBHIQ'[:9] + 'fd?2sc'
for order in '=<>!':
  if order in '=<>!': f = order + fmt.replace('n', 'q')
  else: f = order + fmt
  p = struct.pack(f, *vals[:9], 1.5, 2.5, True, b'xy', b'q')
  print(order, struct.calcsize(f), p.hex(), struct.unpack(f, p))
try: struct.pack('ii', 1)
except Exception as e: print(e)
for f in [lambda: struct.unpack('i', b'abc'), lambda: struct.unpack_from('i', b'abcdef', 4), lambda: struct.unpack_from('i', b'abcdef', -10), lambda: list(struct.iter_unpack('i', b'abcde')),
          lambda: struct.iter_unpack('', b''), lambda: struct.Struct(1), lambda: struct.unpack('i', 'abcd'), lambda: struct.pack_into('i', b'abcd', 0, 1)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print(struct.unpack_from('<h', b'\x01\x02\x03\x04', 2), struct.unpack_from('<h', b'\x01\x02\x03\x04', offset=-2), struct.unpack_from('<h', buffer=b'\x01\x02'))
b = bytearray(6)
for off in [4, -10, -2, 1, -4]:
  try: struct.pack_into('<i', b, off, 0x01020304); print(b)
  except Exception as e: print(e)
s = struct.Struct('<hi'); print(s.format, s.size, s.unpack(s.pack(1,2)), list(s.iter_unpack(b'x'*12)), s.unpack_from(memoryview(b'\x00' * 8), 2))
it = s.iter_unpack(b'x'*12); print(it.__length_hint__(), type(it), next(it), it.__length_hint__())
print(struct.Struct(b'>I').format, struct.error.__module__, struct.error.__mro__)
class S(struct.Struct):
  pass
print(S('>H').pack(258), struct.pack('>q', 2**62), struct.unpack('>Q', b'\xff' * 8), struct.unpack('<Q', b'\xff' * 8))
class I:
  def __index__(self): return 7
print(struct.pack('<i', I()))

# native sizes/alignment (x86-64)
print(struct.calcsize('@ci'), struct.calcsize('ciq'), struct.calcsize('P'), struct.calcsize('b0l'), struct.calcsize('@lnNP'), struct.pack('@bq', 1, 2), struct.pack('P', 5))
